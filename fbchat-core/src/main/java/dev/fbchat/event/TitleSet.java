package dev.fbchat.event;

import java.time.Instant;

import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;
import org.jspecify.annotations.Nullable;

/**
 * A group's title was set or removed.
 *
 * @param author who did it
 * @param thread where
 * @param title the new title, or {@code null} when it was removed
 * @param at when
 */
public record TitleSet(User author, MessengerThread thread, @Nullable String title, Instant at) implements ThreadEvent {
}
