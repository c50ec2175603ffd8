package dev.fbchat.attachment;

import org.jspecify.annotations.Nullable;

/**
 * A file sent in a message.
 *
 * @param id its id
 * @param url where to download it
 * @param size its size in bytes, when known
 * @param name its file name
 * @param isMalicious whether Facebook thinks it may be harmful
 */
public record FileAttachment(@Nullable String id, @Nullable String url, @Nullable Long size, @Nullable String name,
        @Nullable Boolean isMalicious) implements Attachment {
}
