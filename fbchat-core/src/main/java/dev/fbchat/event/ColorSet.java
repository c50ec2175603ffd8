package dev.fbchat.event;

import java.time.Instant;

import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/**
 * A thread's colour was changed.
 *
 * @param author who did it
 * @param thread where
 * @param color the new colour, e.g. {@code #0084ff}
 * @param at when
 */
public record ColorSet(User author, MessengerThread thread, String color, Instant at) implements ThreadEvent {
}
