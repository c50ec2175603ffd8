package dev.fbchat.event;

import java.time.Instant;

import dev.fbchat.message.MessageData;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/**
 * Someone sent a message.
 *
 * @param author who sent it
 * @param thread where
 * @param message the message
 * @param at when
 */
public record MessageEvent(User author, MessengerThread thread, MessageData message, Instant at) implements ThreadEvent {
}
