package dev.fbchat.emulator.world;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

/**
 * Files uploaded through {@code /ajax/mercury/upload.php}, by id, until a message attaches them. The emulator keeps
 * what a message shows of a file (kind, name, size, an image's dimensions), not its bytes. Thread-safe.
 */
public final class Uploads {

    /** The most uploads kept; the oldest are forgotten beyond it. */
    static final int CAPACITY = 10_000;

    private final World world;

    private final Map<String, Attachment> files = new LinkedHashMap<>();

    Uploads(World world) {
        this.world = world;
    }

    /**
     * Keeps an uploaded file and gives it an id. Its kind follows its MIME type as on Facebook: {@code image/*} a
     * picture (its size read from the bytes when Java can, else 100×100), {@code video/*} a video, {@code audio/*} an
     * audio clip, anything else a file.
     */
    public synchronized Attachment store(String filename, String mimeType, byte[] content) {
        String id = this.world.newAttachmentId();
        String type = mimeType.toLowerCase(Locale.ROOT);
        Attachment file;
        if (type.startsWith("image/")) {
            int[] size = imageSize(content);
            file = new Attachment.Image(id, filename, size[0], size[1]);
        }
        else if (type.startsWith("video/")) {
            file = new Attachment.Video(id, filename, 640, 360, 0, content.length);
        }
        else if (type.startsWith("audio/")) {
            file = new Attachment.Audio(id, filename, 0, content.length);
        }
        else {
            file = new Attachment.File(id, filename, content.length, mimeType);
        }
        this.files.put(id, file);
        while (this.files.size() > CAPACITY) {
            this.files.remove(this.files.keySet().iterator().next());
        }
        return file;
    }

    /** An uploaded file by id. */
    public synchronized Optional<Attachment> file(String id) {
        return Optional.ofNullable(this.files.get(id));
    }

    private static int[] imageSize(byte[] content) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
            if (image != null) {
                return new int[] { image.getWidth(), image.getHeight() };
            }
        }
        catch (IOException | RuntimeException ex) {
            // not an image Java reads: the default size
        }
        return new int[] { 100, 100 };
    }
}
