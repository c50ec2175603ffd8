package dev.fbchat.event;

import java.time.Instant;

import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/**
 * A group's approval mode was turned on or off.
 *
 * @param author who did it
 * @param thread where
 * @param requireAdminApproval whether joining now needs an admin
 * @param at when
 */
public record ApprovalModeSet(User author, MessengerThread thread, boolean requireAdminApproval, Instant at) implements ThreadEvent {
}
