package dev.fbchat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link Totp} against the test vectors of RFC 6238, appendix B (HMAC-SHA1). */
class TotpTests {

    /** The RFC's SHA-1 key: the ASCII of {@code 12345678901234567890}. */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private static final String RFC_KEY_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @ParameterizedTest(name = "T = {0}")
    @CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130" })
    void givesTheRfcVectors(long seconds, String expected) {
        Instant at = Instant.ofEpochSecond(seconds);
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);

        assertThat(new Totp(RFC_KEY, 8, clock).code()).isEqualTo(expected);
        // Facebook's six digits are the same number modulo 10^6.
        assertThat(Totp.ofBase32(RFC_KEY_BASE32).code(at)).isEqualTo(expected.substring(2));
        assertThat(Totp.ofBase32(RFC_KEY_BASE32, clock).code()).isEqualTo(expected.substring(2));
    }

    @Test
    void stepsAreThirtySecondsLong() {
        Totp totp = Totp.ofBase32(RFC_KEY_BASE32);
        assertThat(totp.code(Instant.ofEpochSecond(1111111110))).isEqualTo(totp.code(Instant.ofEpochSecond(1111111139)));
        assertThat(totp.code(Instant.ofEpochSecond(1111111109))).isEqualTo(totp.codeOfStep(1111111109 / 30));
        assertThat(totp.code(Instant.ofEpochSecond(1111111109))).isNotEqualTo(totp.code(Instant.ofEpochSecond(1111111110)));
    }

    @Test
    void readsBase32AsCodeGeneratorAppsShowIt() {
        Instant at = Instant.ofEpochSecond(1_700_000_000L);
        String expected = Totp.ofBase32("JBSWY3DPEHPK3PXP").code(at);

        assertThat(Totp.ofBase32("jbsw y3dp ehpk 3pxp").code(at)).isEqualTo(expected);
        assertThat(Totp.ofBase32("JBSWY3DPEHPK3PXP====").code(at)).isEqualTo(expected);
        assertThat(expected).matches("[0-9]{6}");
    }

    @Test
    void refusesAMalformedSecretWithoutShowingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> Totp.ofBase32("JBSWY3DP1HPK3PXP"))
            .withMessageContaining("position 9")
            .withMessageNotContaining("JBSWY3DP");
        assertThatIllegalArgumentException().isThrownBy(() -> Totp.ofBase32("  "));
        assertThatIllegalArgumentException().isThrownBy(() -> Totp.ofBase32("JBSW=Y3DP"));
    }

    @Test
    void theProviderFactoryGivesTheCurrentCodeAndHidesTheSecret() {
        TwoFactorCodeProvider provider = TwoFactorCodeProvider.totp("JBSWY3DPEHPK3PXP");
        Totp totp = Totp.ofBase32("JBSWY3DPEHPK3PXP");

        String before = totp.code();
        String code = provider.code();
        String after = totp.code();
        assertThat(code).isIn(before, after);
        assertThat(provider.toString()).doesNotContain("JBSWY3DPEHPK3PXP").contains("secret hidden");
    }
}
