package dev.fbchat.emulator.world;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator's code check against RFC 6238 (appendix B, SHA-1) and its one-step grace. */
class TotpVerifierTests {

    /** The RFC's SHA-1 key, the ASCII of {@code 12345678901234567890}, in Base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @ParameterizedTest(name = "T = {0}")
    @CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130" })
    void codesAreTheLastSixDigitsOfTheRfcVectors(long seconds, String eightDigits) {
        Instant at = Instant.ofEpochSecond(seconds);
        assertThat(TotpVerifier.code(RFC_SECRET, at)).isEqualTo(eightDigits.substring(2));
        assertThat(TotpVerifier.accepts(RFC_SECRET, eightDigits.substring(2), at)).isTrue();
    }

    @Test
    void acceptsTheCurrentAndThePreviousStepOnly() {
        Instant now = Instant.ofEpochSecond(1_700_000_015L);
        String secret = World.TWO_FACTOR_SECRET;
        assertThat(TotpVerifier.accepts(secret, TotpVerifier.code(secret, now), now)).isTrue();
        assertThat(TotpVerifier.accepts(secret, " " + TotpVerifier.code(secret, now.minusSeconds(30)) + " ", now)).isTrue();
        assertThat(TotpVerifier.accepts(secret, TotpVerifier.code(secret, now.minusSeconds(60)), now)).isFalse();
        assertThat(TotpVerifier.accepts(secret, TotpVerifier.code(secret, now.plusSeconds(30)), now)).isFalse();
        assertThat(TotpVerifier.accepts(secret, "12345", now)).isFalse();
        assertThat(TotpVerifier.accepts(secret, "abcdef", now)).isFalse();
    }
}
