package dev.fbchat.spring.boot.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import dev.fbchat.Client;
import dev.fbchat.Session;
import dev.fbchat.emulator.Account;
import dev.fbchat.event.Connect;
import dev.fbchat.event.LoggedOut;
import dev.fbchat.event.MessageEvent;
import dev.fbchat.listen.Listener;
import dev.fbchat.thread.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter when Facebook ends the bot's sessions while messages flow: the listener publishes {@link LoggedOut},
 * logs in again with the configured credentials within five seconds, saves the new cookies, and every message sent
 * before, during and after arrives once; the {@code Session} bean works with the new login.
 */
class FbChatSessionRenewalTests {

    static final String ALICE_THREAD = "200000000000002";

    @RegisterExtension
    static final StarterFixture starter = StarterFixture.perTest();

    @TempDir
    Path tempDir;

    @Test
    void endedSessionsAreRenewedWithinFiveSecondsAndEveryMessageArrivesOnce() {
        Path cookieFile = this.tempDir.resolve("cookies.json");
        Account alice = starter.account("Alice");
        String bot = starter.emulator().bot().id();
        runner(cookieFile).run(context -> {
            assertThat(context).hasNotFailed();
            Recorder recorder = context.getBean(Recorder.class);
            Session session = context.getBean(Session.class);
            String expiredXs = session.getCookies().get("xs");
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.connects.size() == 1);

            List<String> expected = new ArrayList<>();
            IntStream.range(0, 200).forEach(i -> expected.add("m" + i));
            List<String> flow = List.copyOf(expected);
            java.lang.Thread sender = new java.lang.Thread(
                    () -> flow.forEach(text -> starter.driver().send(ALICE_THREAD, alice.id(), text)));
            sender.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.texts().size() >= 50);
            long endedAt = System.nanoTime();
            assertThat(starter.driver().endSessions(bot)).isPositive();
            await().atMost(Duration.ofSeconds(5)).until(() -> recorder.connects.size() == 2);
            Duration renewedIn = Duration.ofNanos(recorder.connects.get(1) - endedAt);
            sender.join(30_000);
            for (int i = 0; i < 20; i++) {
                starter.driver().send(ALICE_THREAD, alice.id(), "after " + i);
                expected.add("after " + i);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.texts().size() >= expected.size());

            assertThat(renewedIn).as("logged in again and listening").isLessThan(Duration.ofSeconds(5));
            assertThat(recorder.loggedOut).singleElement()
                .satisfies(loggedOut -> assertThat(loggedOut.reason()).contains("not authorized"));
            assertThat(recorder.texts()).as("each message once, in order").containsExactlyElementsOf(expected);

            // The same Session bean (and the Client and Listener holding it) carries on with the new login.
            assertThat(context.getBean(Listener.class).session()).isSameAs(session);
            String renewedXs = session.getCookies().get("xs");
            assertThat(renewedXs).isNotEqualTo(expiredXs);
            assertThat(JsonMapper.shared().readTree(Files.readString(cookieFile)).path("xs").asString())
                .as("the new cookies were saved").isEqualTo(renewedXs);
            assertThat(context.getBean(Client.class).fetchThreadInfo(List.of(alice.id()))).hasSize(1);
            String reply = new User(session, alice.id()).sendText("back");
            assertThat(starter.driver().messages(ALICE_THREAD)).anySatisfy(m -> assertThat(m.id()).isEqualTo(reply));
        });
    }

    @Test
    void withRenewalSwitchedOffTheListenerStopsAndSaysWhy() {
        runner(this.tempDir.resolve("cookies.json")).withPropertyValues("fbchat.listener.renew-session=false").run(context -> {
            Recorder recorder = context.getBean(Recorder.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.connects.size() == 1);
            starter.driver().endSessions(starter.emulator().bot().id());
            await().atMost(Duration.ofSeconds(5)).until(() -> recorder.loggedOut.size() == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> !context.getBean(Listener.class).isConnected());
            assertThat(recorder.connects).hasSize(1);
        });
    }

    private ApplicationContextRunner runner(Path cookieFile) {
        return starter.runner(cookieFile).withBean(Recorder.class);
    }

    static class Recorder {

        final List<String> messages = new CopyOnWriteArrayList<>();

        final List<Long> connects = new CopyOnWriteArrayList<>();

        final List<LoggedOut> loggedOut = new CopyOnWriteArrayList<>();

        @EventListener
        void message(MessageEvent event) {
            if (!event.author().id().equals(event.thread().session().user().id())) {
                this.messages.add(event.message().text());
            }
        }

        @EventListener
        void connected(Connect connect) {
            this.connects.add(System.nanoTime());
        }

        @EventListener
        void loggedOut(LoggedOut event) {
            this.loggedOut.add(event);
        }

        List<String> texts() {
            return List.copyOf(this.messages);
        }
    }
}
