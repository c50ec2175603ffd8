package dev.fbchat.event;

import dev.fbchat.message.Message;
import dev.fbchat.thread.MessengerThread;
import org.jspecify.annotations.Nullable;

/**
 * Something happened in a thread that has to be fetched to be seen (a new group photo, a new pending group):
 * use {@link Message#fetch()}.
 *
 * @param thread the thread
 * @param message the message to fetch, when Facebook named one
 */
public record UnfetchedThreadEvent(MessengerThread thread, @Nullable Message message) implements Event {
}
