package dev.fbchat.event;

import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/**
 * Someone blocked or unblocked the account.
 *
 * @param author who did it
 * @param thread where
 * @param blocked whether the account can no longer reply
 */
public record UserStatusEvent(User author, MessengerThread thread, boolean blocked) implements ThreadEvent {
}
