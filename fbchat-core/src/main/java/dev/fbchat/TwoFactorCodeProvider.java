package dev.fbchat;

/**
 * Supplies a two-factor login code (the six digits of a code generator) when Facebook asks for
 * one during {@link Session#login}. Asked again when Facebook refuses a code, a bounded number
 * of times. Codes are never logged.
 */
@FunctionalInterface
public interface TwoFactorCodeProvider {

    /** Returns the current login code. */
    String code();

    /**
     * The codes of a code-generator app whose Base32 secret (shown when two-factor
     * authentication was set up) is {@code base32Secret}: see {@link Totp}.
     *
     * @throws IllegalArgumentException when the secret is not Base32
     */
    static TwoFactorCodeProvider totp(String base32Secret) {
        return Totp.ofBase32(base32Secret);
    }
}
