package dev.fbchat.attachment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A live location: a location that keeps updating until it expires.
 *
 * @param id its id
 * @param latitude its latitude (none once sharing stopped)
 * @param longitude its longitude (none once sharing stopped)
 * @param image a map of it
 * @param url a link to a map
 * @param address its address, when given
 * @param name the location's name
 * @param expiresAt when sharing ends
 * @param isExpired whether sharing has ended
 */
public record LiveLocationAttachment(@Nullable String id, @Nullable Double latitude, @Nullable Double longitude,
        @Nullable Image image, @Nullable String url, @Nullable String address, @Nullable String name,
        @Nullable Instant expiresAt, @Nullable Boolean isExpired) implements Attachment {
}
