package dev.fbchat.internal;

import java.util.concurrent.atomic.AtomicInteger;

import dev.fbchat.Endpoints;
import dev.fbchat.PleaseRefresh;
import dev.fbchat.Session;
import dev.fbchat.SessionOptions;
import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stale {@code fb_dtsg} is renewed once per request, never in a loop. */
class FacebookRequestsRenewalTests {

    static MessengerEmulator emulator;

    static EmulatorDriver driver;

    @BeforeAll
    static void start() {
        emulator = MessengerEmulator.start();
        driver = new EmulatorDriver(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aSecondPleaseRefreshAfterTheRenewalReachesTheCaller() {
        Session session = Session.login(emulator.bot().email(), emulator.bot().password(), null,
                SessionOptions.defaults().withEndpoints(Endpoints.local(emulator.baseUrl())));
        AtomicInteger attempts = new AtomicInteger();
        int homeBefore = driver.stats().requests("/");

        assertThatThrownBy(() -> session.requests().refreshingOnce(() -> {
            attempts.incrementAndGet();
            throw new PleaseRefresh("Sorry, something went wrong", "Please try closing and re-opening your browser window.",
                    PleaseRefresh.CODE);
        })).isInstanceOf(PleaseRefresh.class);

        assertThat(attempts).hasValue(2);
        assertThat(driver.stats().requests("/")).isEqualTo(homeBefore + 1);
    }
}
