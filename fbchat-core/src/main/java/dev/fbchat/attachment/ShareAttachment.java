package dev.fbchat.attachment;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A shared link or post.
 *
 * @param id its id
 * @param author the id of the shared post's author
 * @param url the target URL
 * @param originalUrl the URL before Facebook's redirect wrapper ({@code l.php?u=})
 * @param title its title
 * @param description its description
 * @param source the name of its source
 * @param image its preview picture
 * @param originalImageUrl the picture's URL before Facebook's {@code safe_image.php} proxy
 * @param attachments further attachments inside it (entries are {@code null} where a kind is not read)
 */
public record ShareAttachment(@Nullable String id, @Nullable String author, @Nullable String url,
        @Nullable String originalUrl, @Nullable String title, @Nullable String description, @Nullable String source,
        @Nullable Image image, @Nullable String originalImageUrl, List<@Nullable Attachment> attachments)
        implements Attachment {

    public ShareAttachment {
        attachments = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(attachments));
    }
}
