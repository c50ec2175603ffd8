package dev.fbchat.upload;

import java.util.Objects;

/**
 * A file Facebook holds after {@code Client.upload} (fbchat's {@code (id, mimetype)} tuple): pass it to
 * {@code sendFiles}, {@code sendText} or {@code Group.setImage}.
 *
 * @param id the file's id
 * @param mimeType its MIME type, which decides the field it is sent in ({@code image_ids}, {@code video_ids}, ...)
 */
public record UploadedFile(String id, String mimeType) {

    public UploadedFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mimeType, "mimeType");
        if (id.isBlank()) {
            throw new IllegalArgumentException("An uploaded file's id must not be blank");
        }
    }
}
