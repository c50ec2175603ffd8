package dev.fbchat.emulator.world;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * HTTP connections the emulator cuts on purpose, as a network does: for the next requests to a path, the connection is
 * closed without an answer, either before the request is handled (nothing happened) or after (it took effect, but the
 * client never hears so). Armed through the driver API's {@code http-reset} fault.
 */
public final class HttpFaults {

    /** When a cut connection is closed. */
    public enum Cut {
        /** Before the request is handled: it has no effect. */
        BEFORE,
        /** After the request is handled: it took effect, the answer is lost. */
        AFTER
    }

    private final Map<String, Deque<Cut>> pending = new HashMap<>();

    /** Arms {@code count} cuts of the next requests to {@code path}. */
    public synchronized void cutNext(String path, int count, Cut when) {
        Deque<Cut> cuts = this.pending.computeIfAbsent(path, p -> new ArrayDeque<>());
        for (int i = 0; i < count; i++) {
            cuts.add(when);
        }
    }

    /** The cut due for this request to {@code path}, or {@code null} to answer it. */
    public synchronized @Nullable Cut take(String path) {
        Deque<Cut> cuts = this.pending.get(path);
        return cuts == null ? null : cuts.poll();
    }
}
