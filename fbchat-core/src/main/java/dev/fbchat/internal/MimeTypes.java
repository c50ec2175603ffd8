package dev.fbchat.internal;

import org.jspecify.annotations.Nullable;

/** The upload field a file's id is sent in, by its MIME type ({@code mimetype_to_key} in fbchat). */
public final class MimeTypes {

    private MimeTypes() {
    }

    /** {@code gif_id}, {@code image_id}, {@code video_id}, {@code audio_id}, or {@code file_id} for anything else. */
    public static String uploadKey(@Nullable String mimetype) {
        if (mimetype == null || mimetype.isEmpty()) {
            return "file_id";
        }
        if (mimetype.equals("image/gif")) {
            return "gif_id";
        }
        String kind = mimetype.split("/", -1)[0];
        return switch (kind) {
            case "video", "image", "audio" -> kind + "_id";
            default -> "file_id";
        };
    }
}
