package dev.fbchat.event;

import dev.fbchat.message.MessageData;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/**
 * Someone replied to a message.
 *
 * @param author who did it
 * @param thread where
 * @param message the reply
 * @param repliedTo the message replied to
 */
public record MessageReplyEvent(User author, MessengerThread thread, MessageData message, MessageData repliedTo) implements ThreadEvent {
}
