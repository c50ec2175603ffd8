package dev.fbchat.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverMessage;
import dev.fbchat.event.Connect;
import dev.fbchat.event.MessageEvent;
import dev.fbchat.spring.FbChatListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @FbChatListener} methods, driven by real Messenger traffic from the emulator: replies,
 * own-message filtering, conditions, failing handlers, plain {@code @EventListener}s.
 */
class FbChatListenerTests {

    static final String ALICE_THREAD = "200000000000002";

    static final String GROUP_THREAD = "300000000000001";

    static MessengerEmulator emulator;

    static EmulatorDriver driver;

    @TempDir
    Path tempDir;

    @BeforeAll
    static void startEmulator() {
        emulator = MessengerEmulator.start();
        driver = new EmulatorDriver(emulator.baseUrl());
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void handlersReplyFilterAndSurviveFailures() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FbChatAutoConfiguration.class))
            .withPropertyValues("fbchat.endpoints.base-url=" + emulator.baseUrl(),
                    "fbchat.email=" + emulator.bot().email(), "fbchat.password=" + emulator.bot().password(),
                    "fbchat.cookie-file=" + this.tempDir.resolve("cookies.json"))
            .withBean(Handlers.class)
            .run(context -> {
                assertThat(context).hasNotFailed();
                Handlers handlers = context.getBean(Handlers.class);
                String bot = emulator.bot().id();
                String alice = aliceId();
                // the listener connects in the background: a message sent before would not reach it
                awaitSize(handlers.connects, 1);

                driver.send(ALICE_THREAD, alice, "ping");
                DriverMessage reply = driver
                    .awaitMessage(ALICE_THREAD, m -> m.authorId().equals(bot) && m.text().equals("PING"), Duration.ofSeconds(5))
                    .orElseThrow(() -> new AssertionError("no reply to ping"));
                assertThat(reply.text()).isEqualTo("PING");

                // A second round proves the failing handler did not stop anything, and orders what came before.
                driver.send(ALICE_THREAD, alice, "again");
                driver.awaitMessage(ALICE_THREAD, m -> m.authorId().equals(bot) && m.text().equals("AGAIN"), Duration.ofSeconds(5))
                    .orElseThrow(() -> new AssertionError("no reply to again"));
                awaitSize(handlers.ownSeen, 2);

                assertThat(handlers.connects).isNotEmpty();
                assertThat(handlers.failures).hasSize(2);
                assertThat(handlers.plain).extracting(e -> e.message().text()).contains("ping", "again", "PING", "AGAIN");
                assertThat(handlers.replied).extracting(e -> e.author().id()).containsOnly(alice);
                assertThat(handlers.ownSeen).extracting(e -> e.message().text()).containsExactly("PING", "AGAIN");
                // Had the bot answered its own "PING", a third message would stand between these.
                assertThat(driver.messages(ALICE_THREAD)).filteredOn(m -> m.authorId().equals(bot))
                    .extracting(DriverMessage::text).containsExactly("PING", "AGAIN");

                driver.send(GROUP_THREAD, alice, "in the group");
                awaitSize(handlers.groupOnly, 1);
                assertThat(handlers.groupOnly).singleElement()
                    .satisfies(e -> assertThat(e.message().text()).isEqualTo("in the group"));
            });
    }

    private static String aliceId() {
        return emulator.accounts().stream().filter(a -> a.name().toLowerCase().startsWith("alice")).findFirst()
            .orElseThrow().id();
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(list).hasSizeGreaterThanOrEqualTo(size);
    }

    static class Handlers {

        final List<MessageEvent> replied = new CopyOnWriteArrayList<>();

        final List<MessageEvent> ownSeen = new CopyOnWriteArrayList<>();

        final List<MessageEvent> plain = new CopyOnWriteArrayList<>();

        final List<MessageEvent> groupOnly = new CopyOnWriteArrayList<>();

        final List<String> failures = new CopyOnWriteArrayList<>();

        final List<Connect> connects = new CopyOnWriteArrayList<>();

        @FbChatListener(condition = "#event.thread() instanceof T(dev.fbchat.thread.User)")
        String shout(MessageEvent event) {
            this.replied.add(event);
            return event.message().text().toUpperCase();
        }

        @FbChatListener
        void fail(MessageEvent event) {
            this.failures.add(event.message().text());
            throw new IllegalStateException("a handler bug");
        }

        @FbChatListener(includeOwn = true, condition = "#event.author().id() == #event.thread().session().user().id()")
        void own(MessageEvent event) {
            this.ownSeen.add(event);
        }

        @FbChatListener(condition = "#event.thread() instanceof T(dev.fbchat.thread.Group)")
        void group(MessageEvent event) {
            this.groupOnly.add(event);
        }

        @FbChatListener
        void connected(Connect connect) {
            this.connects.add(connect);
        }

        @EventListener
        void plain(MessageEvent event) {
            this.plain.add(event);
        }
    }
}
