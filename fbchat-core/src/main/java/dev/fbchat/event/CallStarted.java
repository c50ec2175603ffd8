package dev.fbchat.event;

import java.time.Instant;

import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/**
 * Someone started a call.
 *
 * @param author who did it
 * @param thread where
 * @param at when
 */
public record CallStarted(User author, MessengerThread thread, Instant at) implements ThreadEvent {
}
