package dev.fbchat.emulator.world;

import java.security.SecureRandom;
import java.util.Base64;

/** Unpredictable strings for cookies, tokens and message ids. */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /** {@code bytes} random bytes, URL-safe Base64 without padding. */
    public static String urlSafe(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    /** A random number of {@code digits} decimal digits, without a leading zero. */
    public static String digits(int digits) {
        StringBuilder text = new StringBuilder().append(1 + RANDOM.nextInt(9));
        while (text.length() < digits) {
            text.append(RANDOM.nextInt(10));
        }
        return text.toString();
    }
}
