package dev.fbchat.listen;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A {@link Listener}'s state at one moment, for health checks and metrics.
 *
 * @param connected whether the MQTT connection is up and subscribed
 * @param stopped whether the listener stopped for good (disconnected, or the session ended and could not be renewed)
 * @param stopReason why it stopped when the session could not be renewed, else {@code null}
 * @param reconnects how many times a lost connection was reopened
 * @param renewals how many times it logged in again after Facebook ended the session
 * @param lastMessageAt when the last MQTT message came, or {@code null} before the first
 */
public record ListenerStatus(boolean connected, boolean stopped, @Nullable String stopReason, long reconnects,
        long renewals, @Nullable Instant lastMessageAt) {
}
