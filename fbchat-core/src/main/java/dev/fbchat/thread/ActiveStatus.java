package dev.fbchat.thread;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Whether a person is active on Messenger.
 *
 * @param active whether they are active now
 * @param lastActive when they were last active, when known
 * @param inGame whether they are playing a Messenger game, when known
 */
public record ActiveStatus(boolean active, @Nullable Instant lastActive, @Nullable Boolean inGame) {
}
