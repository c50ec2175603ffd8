package dev.fbchat.emulator.world;

import java.util.Locale;

/**
 * A file sent with a message ({@code blob_attachments}). Only metadata: the emulator keeps no
 * bytes. Each kind answers the GraphQL type fbchat tells apart by {@code __typename}.
 */
public sealed interface Attachment {

    /** The attachment id ({@code legacy_attachment_id}; for files {@code message_file_fbid}). */
    String id();

    /** The file's name. */
    String filename();

    /** The file's MIME type. */
    String mimeType();

    /**
     * A picture: {@code MessageImage}, or {@code MessageAnimatedImage} for a GIF.
     *
     * @param id the attachment id
     * @param filename the file's name; its extension gives the type
     * @param width the original width in pixels
     * @param height the original height in pixels
     */
    record Image(String id, String filename, int width, int height) implements Attachment {

        /** Whether it is an animated GIF. */
        public boolean animated() {
            return extension().equals("gif");
        }

        /** The file's extension, lower case ({@code png}, {@code jpg}, ...). */
        public String extension() {
            int dot = this.filename.lastIndexOf('.');
            return dot < 0 ? "jpg" : this.filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        }

        @Override
        public String mimeType() {
            String extension = extension();
            return extension.equals("jpg") ? "image/jpeg" : "image/" + extension;
        }
    }

    /**
     * A video: {@code MessageVideo}.
     *
     * @param id the attachment id
     * @param filename the file's name
     * @param width the original width in pixels
     * @param height the original height in pixels
     * @param durationMillis its length
     * @param size its size in bytes
     */
    record Video(String id, String filename, int width, int height, long durationMillis, long size) implements Attachment {

        @Override
        public String mimeType() {
            return "video/mp4";
        }
    }

    /**
     * A sound file or voice clip: {@code MessageAudio}.
     *
     * @param id the attachment id
     * @param filename the file's name
     * @param durationMillis its length
     * @param size its size in bytes
     */
    record Audio(String id, String filename, long durationMillis, long size) implements Attachment {

        @Override
        public String mimeType() {
            return "audio/mpeg";
        }
    }

    /**
     * Any other file: {@code MessageFile}.
     *
     * @param id the attachment id
     * @param filename the file's name
     * @param size its size in bytes
     * @param mimeType its MIME type
     */
    record File(String id, String filename, long size, String mimeType) implements Attachment {
    }

    /**
     * A place sent with a message: not a file but a story attachment ({@code extensible_attachment}) whose target is
     * a {@code MessageLocation}, its coordinates in a map link.
     *
     * @param id the attachment id (its {@code deduplication_key})
     * @param latitude the latitude
     * @param longitude the longitude
     * @param current whether it was sent as the sender's current location (else pinned)
     */
    record Location(String id, double latitude, double longitude, boolean current) implements Attachment {

        @Override
        public String filename() {
            return this.current ? "Current Location" : "Pinned Location";
        }

        @Override
        public String mimeType() {
            return "";
        }
    }
}
