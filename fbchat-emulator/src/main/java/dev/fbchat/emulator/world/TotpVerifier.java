package dev.fbchat.emulator.world;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks two-factor codes as Facebook's code generator makes them: RFC 6238 with HMAC-SHA1, 30
 * second steps, 6 digits, from a Base32 (RFC 4648) secret. A code of the current step or of the
 * step before is accepted, so that a code typed just before a step ends still works.
 */
public final class TotpVerifier {

    private static final int STEP_SECONDS = 30;

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private TotpVerifier() {
    }

    /** Whether {@code code} is the code of {@code base32Secret} at {@code now} or one step before. */
    public static boolean accepts(String base32Secret, String code, Instant now) {
        String candidate = code.strip();
        if (!candidate.matches("[0-9]{6}")) {
            return false;
        }
        long step = Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
        byte[] key = base32(base32Secret);
        boolean accepted = false;
        for (long tried : new long[] { step, step - 1 }) {
            // compare every candidate in full, in constant time
            accepted |= MessageDigest.isEqual(code(key, tried).getBytes(StandardCharsets.US_ASCII),
                    candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return accepted;
    }

    /** The 6-digit code of {@code base32Secret} at {@code at}: what the account's code generator shows then. */
    public static String code(String base32Secret, Instant at) {
        return code(base32(base32Secret), Math.floorDiv(at.getEpochSecond(), STEP_SECONDS));
    }

    /** The 6-digit code of time step {@code step}. */
    static String code(byte[] key, long step) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC-SHA1 unavailable", ex);
        }
        int offset = hash[19] & 0xf;
        int truncated = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
        return String.format("%06d", truncated % 1_000_000);
    }

    /** Decodes RFC 4648 Base32, ignoring case and {@code =} padding. */
    static byte[] base32(String text) {
        String clean = text.replace("=", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        long buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not a Base32 secret");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out.put((byte) (buffer >> bits));
            }
        }
        return out.array();
    }
}
