package dev.fbchat.event;

import java.time.Instant;

import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;
import org.jspecify.annotations.Nullable;

/**
 * A thread's emoji was changed.
 *
 * @param author who did it
 * @param thread where
 * @param emoji the new emoji
 * @param at when
 */
public record EmojiSet(User author, MessengerThread thread, @Nullable String emoji, Instant at) implements ThreadEvent {
}
