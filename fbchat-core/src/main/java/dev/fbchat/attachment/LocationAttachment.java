package dev.fbchat.attachment;

import org.jspecify.annotations.Nullable;

/**
 * A location sent in a message: either coordinates or an address.
 *
 * @param id its id
 * @param latitude its latitude, when given as coordinates
 * @param longitude its longitude, when given as coordinates
 * @param image a map of it
 * @param url a link to a map
 * @param address its address, when not given as coordinates
 */
public record LocationAttachment(@Nullable String id, @Nullable Double latitude, @Nullable Double longitude,
        @Nullable Image image, @Nullable String url, @Nullable String address) implements Attachment {
}
