package dev.fbchat;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The login codes of a code-generator app (RFC 6238 TOTP as Facebook uses it: HMAC-SHA1, 30
 * second steps, 6 digits), computed from the Base32 secret shown when two-factor
 * authentication was set up. As a {@link TwoFactorCodeProvider} it gives the code of the
 * current step.
 *
 * <pre>{@code
 * Session session = Session.login(email, password, TwoFactorCodeProvider.totp(System.getenv("FB_TOTP_SECRET")));
 * }</pre>
 *
 * The secret is kept only as key bytes and never shown: {@link #toString()} hides it, and a
 * malformed secret is reported by position, not by content.
 */
public final class Totp implements TwoFactorCodeProvider {

    /** The length of one time step, in seconds. */
    public static final int PERIOD_SECONDS = 30;

    /** The number of digits of a code. */
    public static final int DIGITS = 6;

    private static final String BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final byte[] key;

    private final int digits;

    private final Clock clock;

    Totp(byte[] key, int digits, Clock clock) {
        if (key.length == 0) {
            throw new IllegalArgumentException("The two-factor secret is empty");
        }
        if (digits < 6 || digits > 9) {
            throw new IllegalArgumentException("digits must be 6 to 9, got " + digits);
        }
        this.key = key.clone();
        this.digits = digits;
        this.clock = Objects.requireNonNull(clock, "clock");
        mac(); // fail now, not at the first code, should the JDK lack HMAC-SHA1
    }

    /**
     * The generator of a Base32 secret, as code-generator apps take it: letters of either case,
     * digits 2 to 7; spaces, dashes and {@code =} padding are ignored.
     *
     * @throws IllegalArgumentException when the secret is empty or not Base32
     */
    public static Totp ofBase32(String base32Secret) {
        return ofBase32(base32Secret, Clock.systemUTC());
    }

    /** As {@link #ofBase32(String)}, reading the time from {@code clock}. */
    public static Totp ofBase32(String base32Secret, Clock clock) {
        Objects.requireNonNull(base32Secret, "base32Secret");
        return new Totp(decodeBase32(base32Secret), DIGITS, clock);
    }

    /** The code of the current time step. */
    @Override
    public String code() {
        return code(this.clock.instant());
    }

    /** The code of the time step holding {@code at}. */
    public String code(Instant at) {
        return codeOfStep(Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS));
    }

    /** The code of time step {@code step} (seconds since the epoch divided by {@value #PERIOD_SECONDS}). */
    public String codeOfStep(long step) {
        byte[] counter = new byte[8];
        for (int i = 7; i >= 0; i--) {
            counter[i] = (byte) step;
            step >>>= 8;
        }
        byte[] hash = mac().doFinal(counter);
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        long modulus = 1;
        for (int i = 0; i < this.digits; i++) {
            modulus *= 10;
        }
        String code = Long.toString(binary % modulus);
        return "0".repeat(this.digits - code.length()) + code;
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(this.key, "HmacSHA1"));
            return mac;
        }
        catch (InvalidKeyException ex) {
            throw new IllegalArgumentException("The two-factor secret is not a usable key", ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC-SHA1 is not available", ex);
        }
    }

    static byte[] decodeBase32(String text) {
        byte[] out = new byte[text.length() * 5 / 8 + 1];
        int length = 0;
        int buffer = 0;
        int bits = 0;
        boolean padding = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '-' || c == '\t') {
                continue;
            }
            if (c == '=') {
                padding = true;
                continue;
            }
            int value = BASE32_ALPHABET.indexOf(Character.toUpperCase(c));
            if (value < 0 || padding || c > 0x7f) {
                throw new IllegalArgumentException(
                        "The two-factor secret is not Base32: unexpected character at position " + (i + 1));
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[length++] = (byte) (buffer >> bits);
            }
        }
        if (length == 0) {
            throw new IllegalArgumentException("The two-factor secret is empty");
        }
        return Arrays.copyOf(out, length);
    }

    /** Hides the secret. */
    @Override
    public String toString() {
        return "Totp[" + this.digits + " digits, " + PERIOD_SECONDS + " s steps, secret hidden]";
    }
}
