package dev.fbchat.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Delays between attempts (the listener's reconnects, a repeated request): the first is the initial delay, each next
 * one twice the one before up to the cap, and each is drawn between half and all of that ("equal jitter"), so that
 * many clients cut at once do not come back in step. Not thread-safe: one thread owns each.
 */
public final class Backoff {

    private final long initialMillis;

    private final long maxMillis;

    private final DoubleSupplier random;

    private int attempts;

    public Backoff(Duration initial, Duration max) {
        this(initial, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("The initial delay must be positive, got " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("The maximum delay " + max + " is below the initial one " + initial);
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The delay before the next attempt; each call counts one attempt. */
    public Duration next() {
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
    public void reset() {
        this.attempts = 0;
    }
}
