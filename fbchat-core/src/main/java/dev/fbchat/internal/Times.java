package dev.fbchat.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * fbchat's time conversions ({@code datetime_to_seconds}, {@code datetime_to_millis}, {@code seconds_to_timedelta},
 * {@code timedelta_to_seconds}): whole numbers are rounded half to even, as Python's {@code round} does.
 */
public final class Times {

    private Times() {
    }

    /** Seconds since the epoch, rounded. */
    public static long toSeconds(Instant instant) {
        return exact(instant).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** Milliseconds since the epoch, rounded. */
    public static long toMillis(Instant instant) {
        return exact(instant).movePointRight(3).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** A duration of {@code seconds} (to the microsecond, as Python's timedelta). */
    public static Duration ofSeconds(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("Not a duration: " + seconds);
        }
        BigDecimal micros = new BigDecimal(seconds).movePointRight(6).setScale(0, RoundingMode.HALF_EVEN);
        BigDecimal[] split = micros.divideAndRemainder(BigDecimal.valueOf(1_000_000));
        return Duration.ofSeconds(split[0].longValueExact(), split[1].longValueExact() * 1000);
    }

    /** A duration's seconds, rounded. */
    public static long toSeconds(Duration duration) {
        BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
        return seconds.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    private static BigDecimal exact(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9));
    }
}
