package dev.fbchat.event;

import java.time.Instant;

import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;
import org.jspecify.annotations.Nullable;

/**
 * Someone's nickname in a thread was set or cleared.
 *
 * @param author who did it
 * @param thread where
 * @param subject whose nickname
 * @param nickname the nickname, or {@code null} when cleared
 * @param at when
 */
public record NicknameSet(User author, MessengerThread thread, User subject, @Nullable String nickname, Instant at) implements ThreadEvent {
}
