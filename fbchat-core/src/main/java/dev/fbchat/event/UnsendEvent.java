package dev.fbchat.event;

import java.time.Instant;

import dev.fbchat.message.Message;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/**
 * Someone unsent (removed for everyone) a message.
 *
 * @param author who did it
 * @param thread where
 * @param message the message
 * @param at when
 */
public record UnsendEvent(User author, MessengerThread thread, Message message, Instant at) implements ThreadEvent {
}
