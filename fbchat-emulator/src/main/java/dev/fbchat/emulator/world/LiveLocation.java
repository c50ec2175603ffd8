package dev.fbchat.emulator.world;

import org.jspecify.annotations.Nullable;

/**
 * A live location someone shares in a thread.
 *
 * @param id the live location's id
 * @param messageId the id of the message that shares it
 * @param senderId who shares it
 * @param latitude degrees
 * @param longitude degrees
 * @param title the place's name, or {@code null}
 * @param expiresAt when sharing ends (ms)
 * @param stopped whether the sharer stopped sharing
 */
public record LiveLocation(String id, String messageId, String senderId, double latitude, double longitude,
        @Nullable String title, long expiresAt, boolean stopped) {
}
