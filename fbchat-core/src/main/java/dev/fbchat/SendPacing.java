package dev.fbchat;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How fast a session may send messages: at most {@code perThread} sends to one thread and {@code perAccount} sends in
 * all, each over a sliding period; a send over a limit waits for its turn (it is never dropped). Bursts of sends get
 * accounts flagged by Facebook. {@link #UNLIMITED} sends at once.
 *
 * @param perThread the limit per thread, or {@code null} for none
 * @param perAccount the limit for the whole account, or {@code null} for none
 */
public record SendPacing(@Nullable Rate perThread, @Nullable Rate perAccount) {

    /** No limit. */
    public static final SendPacing UNLIMITED = new SendPacing(null, null);

    /**
     * A rate: {@code sends} per {@code period}, spent at once or spread out.
     *
     * @param sends how many sends per period, at least 1
     * @param period the period, positive
     */
    public record Rate(int sends, Duration period) {

        public Rate {
            Objects.requireNonNull(period, "period");
            if (sends < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A send rate is at least 1 send per positive period, not " + sends
                        + " per " + period);
            }
        }
    }
}
