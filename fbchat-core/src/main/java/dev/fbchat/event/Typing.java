package dev.fbchat.event;

import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/**
 * Someone started or stopped typing.
 *
 * @param author who did it
 * @param thread where
 * @param status {@code true} when they started
 */
public record Typing(User author, MessengerThread thread, boolean status) implements ThreadEvent {
}
