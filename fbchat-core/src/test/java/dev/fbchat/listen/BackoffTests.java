package dev.fbchat.listen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.fbchat.internal.Backoff;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reconnect delays and the summary of repeated failures. */
class BackoffTests {

    @Test
    void theDefaultFirstRetryIsWellUnderASecondAndDelaysDoubleWithJitterUpToTheCap() {
        for (int run = 0; run < 100; run++) {
            Backoff backoff = new Backoff(Listener.DEFAULT_RECONNECT_INITIAL_DELAY, Listener.DEFAULT_RECONNECT_MAX_DELAY);
            assertThat(backoff.next()).isLessThan(Duration.ofSeconds(1)).isGreaterThanOrEqualTo(Duration.ofMillis(125));
        }
        Backoff top = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), () -> 0.999_999);
        List<Long> ceilings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ceilings.add(top.next().toMillis());
        }
        assertThat(ceilings).containsExactly(99L, 199L, 399L, 799L, 999L, 999L);
        Backoff bottom = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), () -> 0);
        assertThat(List.of(bottom.next(), bottom.next(), bottom.next())).extracting(Duration::toMillis).containsExactly(50L, 100L, 200L);
        bottom.reset();
        assertThat(bottom.next()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void badDelaysAreRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRepeatedFailureIsLoggedAtItsFirstSecondFourthAndEighthTimeAndANewReasonAtOnce() {
        FailureLog failures = new FailureLog(LoggerFactory.getLogger(BackoffTests.class), "Connecting (test)");
        List<Boolean> logged = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            logged.add(failures.failed("Connection refused", Duration.ofMillis(1)));
        }
        assertThat(logged).containsExactly(true, true, false, true, false, false, false, true, false);
        assertThat(failures.failed("CONNACK 3", Duration.ofMillis(1))).isTrue();
        assertThat(failures.failures()).isEqualTo(10);
        failures.recovered();
        assertThat(failures.failures()).isZero();
        assertThat(failures.failed("Connection refused", Duration.ofMillis(1))).isTrue();
    }
}
