package dev.fbchat.spring;

/** The kinds of Messenger thread an {@link FbChatListener} can be limited to. */
public enum ThreadType {

    /** A one-to-one thread with a person. */
    USER,

    /** A group thread. */
    GROUP,

    /** A one-to-one thread with a Facebook page. */
    PAGE
}
