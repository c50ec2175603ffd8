package dev.fbchat.internal;

/** Base-36 numbers, as Facebook's {@code __req} request counter uses them. */
public final class Base36 {

    private Base36() {
    }

    /** {@code 123} becomes {@code "3f"}. */
    public static String encode(long number) {
        if (number < 0) {
            throw new IllegalArgumentException("number must not be negative: " + number);
        }
        return Long.toString(number, 36);
    }
}
