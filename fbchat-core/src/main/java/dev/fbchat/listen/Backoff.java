package dev.fbchat.listen;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Delays between reconnect attempts: the first is the initial delay, each next one twice the one before up to the
 * cap, and each is drawn between half and all of that ("equal jitter"), so that many clients cut at once do not come
 * back in step. Not thread-safe: the listener's supervisor thread owns it.
 */
final class Backoff {

    private final long initialMillis;

    private final long maxMillis;

    private final DoubleSupplier random;

    private int attempts;

    Backoff(Duration initial, Duration max) {
        this(initial, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("The initial reconnect delay must be positive, got " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("The maximum reconnect delay " + max + " is below the initial one " + initial);
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The delay before the next attempt; each call counts one attempt. */
    Duration next() {
        long ceiling = this.initialMillis;
        for (int i = 0; i < this.attempts && ceiling < this.maxMillis; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, this.maxMillis);
        this.attempts++;
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (this.random.getAsDouble() * (ceiling - half)));
    }

    /** After a success: the next delay is the initial one again. */
    void reset() {
        this.attempts = 0;
    }
}
