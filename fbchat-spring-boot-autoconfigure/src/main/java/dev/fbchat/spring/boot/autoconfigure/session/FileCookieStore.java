package dev.fbchat.spring.boot.autoconfigure.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.fbchat.spring.FbChatCookieStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps cookies in a JSON file ({@code {"name": "value", ...}}, the form of fbchat's
 * {@code get_cookies}). A save writes a new file readable by its owner only and moves it over
 * the old one in one step, so a crash mid-write leaves the previous file intact.
 */
public final class FileCookieStore implements FbChatCookieStore {

    private static final Logger log = LoggerFactory.getLogger(FileCookieStore.class);

    private final Path file;

    public FileCookieStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** The file's presence: whether there is a file is all this asks, with no JSON read. */
    @Override
    public boolean hasSavedCookies() {
        return Files.isRegularFile(this.file);
    }

    /** The file the cookies are kept in. */
    public Path file() {
        return this.file;
    }

    @Override
    public Optional<Map<String, String>> load() {
        if (!Files.isRegularFile(this.file)) {
            return Optional.empty();
        }
        try {
            Map<String, String> cookies = Json.MAPPER.readValue(this.file.toFile(), new TypeReference<LinkedHashMap<String, String>>() {
            });
            return cookies == null || cookies.isEmpty() ? Optional.empty() : Optional.of(cookies);
        }
        catch (JacksonException ex) {
            log.warn("Ignoring unreadable cookie file {} ({})", this.file, ex.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public void save(Map<String, String> cookies) {
        try {
            Path dir = this.file.getParent();
            Files.createDirectories(dir);
            Path temp = createOwnerOnlyFile(dir);
            try {
                Files.write(temp, Json.MAPPER.writeValueAsBytes(cookies));
                move(temp);
            }
            finally {
                Files.deleteIfExists(temp);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not save the session's cookies to " + this.file, ex);
        }
    }

    private Path createOwnerOnlyFile(Path dir) throws IOException {
        String prefix = "." + this.file.getFileName() + ".";
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, prefix, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(dir, prefix, ".tmp");
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, this.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException | FileAlreadyExistsException ex) {
            Files.move(temp, this.file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String description() {
        return "FileCookieStore[" + this.file + "]";
    }

    @Override
    public String toString() {
        return description();
    }

    /** The mapper, made at the first read or write rather than with the store, which the application's start makes. */
    private static final class Json {

        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }
}
