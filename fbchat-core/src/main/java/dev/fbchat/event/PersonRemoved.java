package dev.fbchat.event;

import java.time.Instant;

import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/**
 * Someone was removed from a group, or left it.
 *
 * @param author who did it
 * @param thread where
 * @param removed who was removed
 * @param at when
 */
public record PersonRemoved(User author, MessengerThread thread, User removed, Instant at) implements ThreadEvent {
}
