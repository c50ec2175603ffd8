package dev.fbchat;

import java.time.Duration;
import java.util.List;

import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverMessage;
import dev.fbchat.thread.Group;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends paced by {@link SendPacing}: over a thread's limit or the account's, a send waits for its turn (the elapsed
 * time is at least what the limits allow) and is made, never dropped.
 */
class SendPacingEndToEndTests {

    static MessengerEmulator emulator;

    static EmulatorDriver driver;

    @BeforeAll
    static void start() {
        emulator = MessengerEmulator.start();
        driver = new EmulatorDriver(emulator.baseUrl());
    }

    /** A session of its own (own limits) paced at 2 sends per thread and 4 in all, each per 300 ms. */
    private static Session pacedSession() {
        SessionOptions options = SessionOptions.defaults()
            .withEndpoints(Endpoints.local(emulator.baseUrl()))
            .withSendPacing(new SendPacing(new SendPacing.Rate(2, Duration.ofMillis(300)),
                    new SendPacing.Rate(4, Duration.ofMillis(300))));
        return Session.login(emulator.bot().email(), emulator.bot().password(), null, options);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void sendsToOneThreadWaitForTheThreadsRate() {
        Session session = pacedSession();
        Group group = new Group(session, driver.createGroup("Paced", List.of(emulator.bot().id(), alice())).id());
        long start = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            group.sendText("paced " + i);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        // 2 at once, then one per 150 ms: the sixth no sooner than 600 ms after the first
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(550));
        assertThat(driver.messages(group.id())).extracting(DriverMessage::text)
            .containsExactly("paced 0", "paced 1", "paced 2", "paced 3", "paced 4", "paced 5");
    }

    @Test
    void sendsToManyThreadsWaitForTheAccountsRate() {
        Session session = pacedSession();
        List<Group> groups = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            groups.add(new Group(session, driver.createGroup("Many " + i, List.of(emulator.bot().id(), alice())).id()));
        }
        long start = System.nanoTime();
        for (Group group : groups) {
            group.sendText("one each");
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        // 4 at once, then one per 75 ms: the eighth no sooner than 300 ms after the first
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(groups).allSatisfy(group -> assertThat(driver.messages(group.id())).hasSize(1));
    }

    private static String alice() {
        return emulator.accounts().stream().filter(a -> a.name().startsWith("Alice")).findFirst().orElseThrow().id();
    }
}
