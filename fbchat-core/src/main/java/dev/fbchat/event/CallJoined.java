package dev.fbchat.event;

import java.time.Instant;

import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/**
 * Someone joined a group call.
 *
 * @param author who did it
 * @param thread where
 * @param at when
 */
public record CallJoined(User author, MessengerThread thread, Instant at) implements ThreadEvent {
}
