package dev.fbchat.event;

import java.time.Duration;
import java.time.Instant;

import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/**
 * A call ended.
 *
 * @param author who did it
 * @param thread where
 * @param duration how long it lasted
 * @param at when
 */
public record CallEnded(User author, MessengerThread thread, Duration duration, Instant at) implements ThreadEvent {
}
