package dev.fbchat.event;

import dev.fbchat.message.Message;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;
import org.jspecify.annotations.Nullable;

/**
 * Someone reacted to a message, or removed their reaction.
 *
 * @param author who did it
 * @param thread where
 * @param message the message
 * @param reaction the reaction (any emoji, not only those {@code Message.react} sends), or {@code null} when it was removed
 */
public record ReactionEvent(User author, MessengerThread thread, Message message, @Nullable String reaction) implements ThreadEvent {
}
