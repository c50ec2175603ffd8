package dev.fbchat.internal;

/** Base-36 numbers, as Facebook's {@code __req} request counter uses them. */
public final class Base36 {

    private Base36() {
    }

    /** {@code 123} becomes {@code "3f"}, {@code -123} {@code "-3f"}; zero has no digits, as in fbchat. */
    public static String encode(long number) {
        return number == 0 ? "" : Long.toString(number, 36);
    }
}
