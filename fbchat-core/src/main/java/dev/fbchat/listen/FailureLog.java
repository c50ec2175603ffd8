package dev.fbchat.listen;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Logs failed attempts at WARN without flooding: a new reason is logged at once; the same reason again only at the
 * 2nd, 4th, 8th, ... time in a row, with the count. Not thread-safe: the
 * listener's supervisor thread owns it.
 */
final class FailureLog {

    private final Logger log;

    private final String what;

    private @Nullable String lastReason;

    private int sameInARow;

    private int total;

    private long firstFailureNanos;

    FailureLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    /** One more failure; returns whether it was logged. */
    boolean failed(String reason, Duration retryIn) {
        if (this.total == 0) {
            this.firstFailureNanos = System.nanoTime();
        }
        this.total++;
        if (Objects.equals(reason, this.lastReason)) {
            this.sameInARow++;
        }
        else {
            this.lastReason = reason;
            this.sameInARow = 1;
        }
        if (Integer.bitCount(this.sameInARow) != 1) {
            return false;
        }
        if (this.sameInARow == 1) {
            this.log.warn("{} failed: {}; retrying in {}", this.what, reason, Listener.format(retryIn));
        }
        else {
            this.log.warn("{} failed {} times in a row since {} ago: {}; retrying in {} (repeats are logged at 2, 4, 8, ... times)",
                    this.what, this.sameInARow, Listener.format(Duration.ofNanos(System.nanoTime() - this.firstFailureNanos)),
                    reason, Listener.format(retryIn));
        }
        return true;
    }

    /** Failures since the last success. */
    int failures() {
        return this.total;
    }

    /** How long since the first failure of the current run, or zero. */
    Duration failingFor() {
        return this.total == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - this.firstFailureNanos);
    }

    /** A success: the next failure starts a new run. */
    void recovered() {
        this.lastReason = null;
        this.sameInARow = 0;
        this.total = 0;
    }
}
