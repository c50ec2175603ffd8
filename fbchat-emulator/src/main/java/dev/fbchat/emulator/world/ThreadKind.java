package dev.fbchat.emulator.world;

/** Whether a thread is a one-to-one conversation or a group. */
public enum ThreadKind {

    /** Two people; on the protocol addressed by the other person's user id. */
    USER,

    /** A group; on the protocol addressed by its thread id. */
    GROUP
}
