package dev.fbchat.attachment;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A picture sent in a message. Its full-size URL comes from {@code Client.fetchImageUrl(id)}.
 *
 * @param id its id
 * @param originalExtension the original file's extension, e.g. {@code png}
 * @param width the original's width
 * @param height the original's height
 * @param isAnimated whether it is animated (a GIF)
 * @param previews the sizes Facebook serves it in
 */
public record ImageAttachment(@Nullable String id, @Nullable String originalExtension, @Nullable Integer width,
        @Nullable Integer height, @Nullable Boolean isAnimated, Set<Image> previews) implements Attachment {

    public ImageAttachment {
        previews = Set.copyOf(previews);
    }
}
