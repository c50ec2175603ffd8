package dev.fbchat.emulator.world;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The latest HTTP requests of clients (not of the driver API), so that tests can check what a
 * client sent: path, query, form fields, cookie names. Keeps the last {@value #CAPACITY}; a
 * login password and the {@code fb_dtsg} token are kept as {@value #REDACTED}, cookie values not at all. Thread-safe.
 */
public final class RequestLog {

    /** How many requests are kept. */
    public static final int CAPACITY = 2000;

    /** What a password field reads as. */
    public static final String REDACTED = "<redacted>";

    private final Deque<Entry> entries = new ArrayDeque<>();

    /** Keeps a request, the oldest dropped beyond {@value #CAPACITY}. */
    public synchronized void record(Entry entry) {
        this.entries.addLast(entry);
        while (this.entries.size() > CAPACITY) {
            this.entries.removeFirst();
        }
    }

    /** The kept requests to {@code path} (all when {@code null}), oldest first. */
    public synchronized List<Entry> requests(@Nullable String path) {
        return this.entries.stream().filter(entry -> path == null || entry.path().equals(path)).toList();
    }

    /**
     * One request.
     *
     * @param method the HTTP method
     * @param path the path, without query string
     * @param query the query string, without {@code ?} ({@code ""} when none)
     * @param fields the url-encoded form fields, in order ({@code pass} and {@code fb_dtsg} redacted)
     * @param cookies the names of the cookies sent
     * @param files the file parts of a multipart body, in order (their bytes are not kept)
     */
    public record Entry(String method, String path, String query, Map<String, String> fields, List<String> cookies,
            List<FilePart> files) {

        public Entry {
            files = List.copyOf(files);
            Map<String, String> kept = new LinkedHashMap<>(fields);
            kept.computeIfPresent("pass", (name, value) -> REDACTED);
            kept.computeIfPresent("fb_dtsg", (name, value) -> REDACTED);
            fields = Collections.unmodifiableMap(kept);
            cookies = List.copyOf(cookies);
        }
    }

    /**
     * A file part of a request.
     *
     * @param name the part's name ({@code upload_0})
     * @param filename the file's name
     * @param contentType the part's MIME type
     * @param size how many bytes it held
     */
    public record FilePart(String name, String filename, String contentType, int size) {
    }
}
