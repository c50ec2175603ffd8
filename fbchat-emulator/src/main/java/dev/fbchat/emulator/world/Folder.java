package dev.fbchat.emulator.world;

/** Where a thread is filed for one participant ({@code tags} of the thread list, {@code folder} of a thread). */
public enum Folder {

    /** The inbox. */
    INBOX,

    /** Message requests: a first message from someone who is not a friend. */
    PENDING,

    /** Archived; a new message moves it back to the inbox. */
    ARCHIVED,

    /** Filtered requests (spam). */
    OTHER
}
