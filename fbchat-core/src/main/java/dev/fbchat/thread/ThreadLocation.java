package dev.fbchat.thread;

/** The folder a thread is in. */
public enum ThreadLocation {

    /** The inbox. */
    INBOX,
    /** Message requests not yet accepted. */
    PENDING,
    /** Archived threads. */
    ARCHIVED,
    /** Filtered message requests. */
    OTHER;

    /** Facebook's name of the folder. */
    public String value() {
        return name();
    }
}
