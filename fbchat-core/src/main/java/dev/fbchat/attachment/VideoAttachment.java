package dev.fbchat.attachment;

import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A video sent in a message.
 *
 * @param id its id
 * @param size its size in bytes, when known
 * @param width the original's width
 * @param height the original's height
 * @param duration how long it plays
 * @param previewUrl a small, very compressed preview video
 * @param previews preview pictures
 */
public record VideoAttachment(@Nullable String id, @Nullable Long size, @Nullable Integer width,
        @Nullable Integer height, @Nullable Duration duration, @Nullable String previewUrl, Set<Image> previews)
        implements Attachment {

    public VideoAttachment {
        previews = Set.copyOf(previews);
    }
}
