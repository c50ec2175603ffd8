package dev.fbchat.event;

import java.time.Instant;
import java.util.List;

import dev.fbchat.message.Message;
import dev.fbchat.thread.MessengerThread;

/**
 * Messages were delivered to someone.
 *
 * @param author who received them (the thread itself when Facebook does not say)
 * @param thread where
 * @param messages the messages
 * @param at when
 */
public record MessagesDelivered(MessengerThread author, MessengerThread thread, List<Message> messages, Instant at) implements ThreadEvent {

    public MessagesDelivered {
        messages = List.copyOf(messages);
    }
}
