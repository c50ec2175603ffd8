package dev.fbchat.emulator.world;

/**
 * How one account muted one thread.
 *
 * @param mutedUntil until when the thread is muted (epoch seconds), {@link #FOREVER}, or {@code 0} when not muted
 * @param reactionsMuted whether reactions in it are muted
 * @param mentionsMuted whether mentions in it are muted
 */
public record MuteSettings(long mutedUntil, boolean reactionsMuted, boolean mentionsMuted) {

    /** {@link #mutedUntil} of a thread muted for ever. */
    public static final long FOREVER = -1;

    /** Nothing muted. */
    public static final MuteSettings NONE = new MuteSettings(0, false, false);
}
