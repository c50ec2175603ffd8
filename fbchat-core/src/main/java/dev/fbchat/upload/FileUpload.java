package dev.fbchat.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/**
 * A file to upload, read into memory: its name, its bytes and its MIME type (fbchat's {@code (filename, file,
 * mimetype)} tuple). Facebook picks the kind of attachment by the MIME type: {@code image/*} (an {@code image/gif}
 * plays as a GIF), {@code video/*}, {@code audio/*} (a voice clip when uploaded as one), anything else a file.
 *
 * @param filename the name shown to the receivers
 * @param content the bytes
 * @param mimeType the MIME type, such as {@code image/png}
 */
public record FileUpload(String filename, byte[] content, String mimeType) {

    public FileUpload {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(mimeType, "mimeType");
        if (filename.isBlank()) {
            throw new IllegalArgumentException("A file to upload needs a name");
        }
        try {
            MediaType.parseMediaType(mimeType);
        }
        catch (RuntimeException ex) {
            throw new IllegalArgumentException("Not a MIME type: \"" + mimeType + "\" (of " + filename + ")", ex);
        }
        content = content.clone();
    }

    /**
     * Reads a file, its MIME type told by its name's extension (Spring's {@code MediaTypeFactory}), or
     * {@code application/octet-stream} when the extension is unknown.
     *
     * @throws IllegalArgumentException when the file does not exist or is not a readable regular file
     */
    public static FileUpload of(Path file) {
        String filename = fileName(file);
        String mimeType = MediaTypeFactory.getMediaType(filename)
            .map(MediaType::toString)
            .orElse(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        return of(file, mimeType);
    }

    /**
     * Reads a file sent with the given MIME type.
     *
     * @throws IllegalArgumentException when the file does not exist or is not a readable regular file
     */
    public static FileUpload of(Path file, String mimeType) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No file to upload at " + file.toAbsolutePath());
        }
        try {
            return new FileUpload(fileName(file), Files.readAllBytes(file), mimeType);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read " + file.toAbsolutePath() + " to upload it", ex);
        }
    }

    private static String fileName(Path file) {
        Path name = Objects.requireNonNull(file, "file").getFileName();
        if (name == null) {
            throw new IllegalArgumentException("Not a file: " + file);
        }
        return name.toString();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] content() {
        return this.content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileUpload that && this.filename.equals(that.filename)
                && this.mimeType.equals(that.mimeType) && Arrays.equals(this.content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.filename, this.mimeType, Arrays.hashCode(this.content));
    }

    @Override
    public String toString() {
        return "FileUpload[filename=" + this.filename + ", " + this.content.length + " bytes, mimeType=" + this.mimeType
                + "]";
    }
}
