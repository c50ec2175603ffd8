package dev.fbchat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.event.Connect;
import dev.fbchat.event.Disconnect;
import dev.fbchat.event.Event;
import dev.fbchat.event.EventsDropped;
import dev.fbchat.event.LoggedOut;
import dev.fbchat.event.MessageEvent;
import dev.fbchat.listen.Listener;
import dev.fbchat.thread.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The listener against the emulator's fault injection: cut connections, ended sessions, a stalled connection, an
 * overflowing queue. Every test proves what arrived: each message once, in order within its thread.
 */
class ListenerRecoveryEndToEndTests {

    static final String ALICE_THREAD = "200000000000002";

    MessengerEmulator emulator;

    EmulatorDriver driver;

    SessionOptions options;

    Account bot;

    Account alice;

    @BeforeEach
    void startEmulator() {
        this.emulator = MessengerEmulator.start();
        this.driver = new EmulatorDriver(this.emulator.baseUrl());
        this.options = SessionOptions.defaults().withEndpoints(Endpoints.local(this.emulator.baseUrl()));
        this.bot = this.emulator.bot();
        this.alice = this.emulator.accounts().stream().filter(a -> a.name().startsWith("Alice")).findFirst().orElseThrow();
    }

    @AfterEach
    void stopEmulator() {
        this.emulator.close();
    }

    @Test
    void twentyCutsWhile5000MessagesFlowOverTenThreadsLoseAndRepeatNothing() throws Exception {
        int threads = 10;
        int perThread = 500;
        int cuts = 20;
        List<String> threadIds = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            threadIds.add(this.driver.createGroup("flow " + i, List.of(this.alice.id(), this.bot.id())).id());
        }
        Listener listener = Listener.builder(login()).build();
        try (EventRecorder recorder = EventRecorder.start(listener)) {
            recorder.awaitCount(Connect.class, 1, Duration.ofSeconds(10));
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger cutsDone = new AtomicInteger();
            int block = perThread / cuts; // each thread sends its block b only after cut b: the cuts fall inside the flow
            ExecutorService senders = Executors.newFixedThreadPool(threads);
            List<Future<?>> sending = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String threadId = threadIds.get(i);
                int thread = i;
                sending.add(senders.submit(() -> {
                    for (int j = 0; j < perThread; j++) {
                        int needed = j / block;
                        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> cutsDone.get() >= needed);
                        this.driver.send(threadId, this.alice.id(), thread + "#" + j);
                        sent.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (int cut = 1; cut <= cuts; cut++) {
                int connections = cut; // the cut-th connection is up: the first, then one more after each cut
                int halfBlockSent = (cut - 1) * block * threads + block * threads / 2;
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
                    .until(() -> recorder.count(Connect.class) >= connections && listener.isConnected()
                            && sent.get() >= halfBlockSent);
                assertThat(this.driver.dropConnections(this.bot.id())).as("cut %d found the connection", cut).isPositive();
                cutsDone.incrementAndGet();
            }
            for (Future<?> done : sending) {
                done.get(60, TimeUnit.SECONDS);
            }
            senders.shutdown();
            try {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> recorder.count(MessageEvent.class) >= (long) threads * perThread
                            && recorder.count(Connect.class) > cuts);
            }
            catch (org.awaitility.core.ConditionTimeoutException ex) {
                // the assertions below say what is missing
            }

            Map<String, List<String>> byThread = new HashMap<>();
            for (MessageEvent event : recorder.events(MessageEvent.class)) {
                byThread.computeIfAbsent(event.thread().id(), id -> new ArrayList<>()).add(event.message().text());
            }
            for (int i = 0; i < threads; i++) {
                int thread = i;
                assertThat(byThread.get(threadIds.get(i))).as("thread %d: each message once, in order", i)
                    .containsExactlyElementsOf(IntStream.range(0, perThread).mapToObj(j -> thread + "#" + j).toList());
            }
            assertThat(recorder.count(MessageEvent.class)).isEqualTo((long) threads * perThread);
            assertThat(recorder.count(Disconnect.class)).isGreaterThanOrEqualTo(cuts);
            assertThat(recorder.count(Connect.class)).isGreaterThanOrEqualTo(cuts + 1);
            assertThat(recorder.events(EventsDropped.class)).isEmpty();
        }
    }

    @Test
    void endedSessionsAreLoggedOutThenRenewedLosingNothing() throws Exception {
        Session session = login();
        String expiredXs = session.getCookies().get("xs");
        Listener listener = Listener.builder(session)
            .onLoggedOut(loggedOut -> Session.login(this.bot.email(), this.bot.password(), null, this.options))
            .build();
        try (EventRecorder recorder = EventRecorder.start(listener)) {
            recorder.awaitCount(Connect.class, 1, Duration.ofSeconds(10));
            List<String> expected = new ArrayList<>();
            java.lang.Thread sender = new java.lang.Thread(() -> {
                for (int i = 0; i < 150; i++) {
                    this.driver.send(ALICE_THREAD, this.alice.id(), "m" + i);
                }
            });
            IntStream.range(0, 150).forEach(i -> expected.add("m" + i));
            sender.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.count(MessageEvent.class) >= 30);
            long endedAt = System.nanoTime();
            assertThat(this.driver.endSessions(this.bot.id())).isPositive();
            recorder.awaitCount(LoggedOut.class, 1, Duration.ofSeconds(5));
            recorder.awaitCount(Connect.class, 2, Duration.ofSeconds(5));
            assertThat(Duration.ofNanos(System.nanoTime() - endedAt)).as("logged in again and reconnected").isLessThan(Duration.ofSeconds(5));
            sender.join(30_000);
            for (int i = 0; i < 20; i++) {
                this.driver.send(ALICE_THREAD, this.alice.id(), "after" + i);
                expected.add("after" + i);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.count(MessageEvent.class) >= expected.size());

            assertThat(recorder.texts(m -> m.author().id().equals(this.alice.id()))).containsExactlyElementsOf(expected);
            assertThat(recorder.events(LoggedOut.class)).singleElement()
                .satisfies(loggedOut -> assertThat(loggedOut.reason()).contains("CONNACK 5"));
            assertThat(recorder.events(EventsDropped.class)).isEmpty();
            assertThat(session.getCookies().get("xs")).as("the session took over the new login").isNotEqualTo(expiredXs);
            assertThat(listener.session()).isSameAs(session);
            assertThat(new User(session, this.alice.id()).sendText("the old Session object works again")).startsWith("mid.");
        }
    }

    @Test
    void withoutARenewalAnEndedSessionEndsTheStreamWithNotLoggedInNamingTheReason() throws Exception {
        Listener listener = new Listener(login(), false, false);
        try (EventRecorder recorder = EventRecorder.start(listener)) {
            recorder.awaitCount(Connect.class, 1, Duration.ofSeconds(10));
            this.driver.endSessions(this.bot.id());
            await().atMost(Duration.ofSeconds(5)).until(recorder::ended);

            assertThat(recorder.events()).last().isInstanceOf(LoggedOut.class);
            assertThat(recorder.failure()).isInstanceOf(NotLoggedIn.class)
                .hasMessageContaining("refused the connection as not authorized (CONNACK 5)")
                .hasMessageContaining("SessionRenewal");
            assertThat(listener.isConnected()).isFalse();
        }
    }

    @Test
    void aSyncAnswerOrAnHttpAnswerSayingNotLoggedInAlsoEndTheSession() throws Exception {
        Session session = login();
        AtomicInteger renewals = new AtomicInteger();
        Listener listener = Listener.builder(session).onLoggedOut(loggedOut -> {
            renewals.incrementAndGet();
            return Session.login(this.bot.email(), this.bot.password(), null, this.options);
        }).build();
        try (EventRecorder recorder = EventRecorder.start(listener)) {
            recorder.awaitCount(Connect.class, 1, Duration.ofSeconds(10));
            this.driver.publishFrame(this.bot.id(), "/t_ms", "{\"errorCode\":\"ERROR_NOT_LOGGED_IN\"}");
            recorder.awaitCount(Connect.class, 2, Duration.ofSeconds(5));
            assertThat(recorder.events(LoggedOut.class)).singleElement()
                .satisfies(loggedOut -> assertThat(loggedOut.reason()).contains("ERROR_NOT_LOGGED_IN"));

            // The HTTP session ends, the MQTT connection lives on; the queue is lost, and the new sequence id needs HTTP.
            session.logout();
            this.driver.publishFrame(this.bot.id(), "/t_ms", "{\"errorCode\":\"ERROR_QUEUE_NOT_FOUND\"}");
            // (the first frame may reach the connection being replaced as well: wait for the reason, not a count)
            await().atMost(Duration.ofSeconds(5)).until(() -> recorder.events(LoggedOut.class).stream()
                .anyMatch(loggedOut -> loggedOut.reason().contains("sequence id")));
            recorder.awaitCount(Connect.class, 3, Duration.ofSeconds(5));
            assertThat(recorder.events(LoggedOut.class)).filteredOn(out -> out.reason().contains("sequence id"))
                .singleElement().satisfies(out -> assertThat(out.reason()).contains("Not logged in"));
            // Logged in again, the listener opened a queue after the last delta it had: the server had them all.
            assertThat(recorder.events(EventsDropped.class)).isEmpty();
            assertThat(renewals.get()).isEqualTo(recorder.events(LoggedOut.class).size());

            this.driver.send(ALICE_THREAD, this.alice.id(), "still listening");
            await().atMost(Duration.ofSeconds(5)).until(() -> recorder.texts(m -> true).contains("still listening"));
        }
    }

    @Test
    void aStalledConnectionIsNoticedWithinTwoKeepaliveIntervalsAndReopened() throws Exception {
        Duration keepAlive = Duration.ofSeconds(1);
        Listener listener = Listener.builder(login()).keepAlive(keepAlive).build();
        try (EventRecorder recorder = EventRecorder.start(listener)) {
            recorder.awaitCount(Connect.class, 1, Duration.ofSeconds(10));
            this.driver.send(ALICE_THREAD, this.alice.id(), "before the stall");
            await().atMost(Duration.ofSeconds(5)).until(() -> recorder.count(MessageEvent.class) == 1);

            long stalledAt = System.nanoTime();
            assertThat(this.driver.stallConnections(this.bot.id())).isEqualTo(1);
            this.driver.send(ALICE_THREAD, this.alice.id(), "during the stall");
            recorder.awaitCount(Disconnect.class, 1, keepAlive.multipliedBy(3));
            Duration noticed = Duration.ofNanos(System.nanoTime() - stalledAt);
            recorder.awaitCount(Connect.class, 2, Duration.ofSeconds(5));
            this.driver.send(ALICE_THREAD, this.alice.id(), "after the stall");
            await().atMost(Duration.ofSeconds(5)).until(() -> recorder.count(MessageEvent.class) == 3);

            assertThat(noticed).as("noticed within two keepalive intervals").isLessThan(keepAlive.multipliedBy(2));
            assertThat(recorder.events(Disconnect.class)).singleElement()
                .satisfies(disconnect -> assertThat(disconnect.reason()).contains("stalled"));
            assertThat(recorder.texts(m -> true)).containsExactly("before the stall", "during the stall", "after the stall");
        }
    }

    @Test
    void aForcedQueueOverflowYieldsEventsDroppedAndTheStreamResumesWithinFiveSeconds() throws Exception {
        Listener listener = Listener.builder(login()).build();
        try (EventRecorder recorder = EventRecorder.start(listener)) {
            recorder.awaitCount(Connect.class, 1, Duration.ofSeconds(10));
            this.driver.send(ALICE_THREAD, this.alice.id(), "before the overflow");
            await().atMost(Duration.ofSeconds(5)).until(() -> recorder.count(MessageEvent.class) == 1);

            long overflowedAt = System.nanoTime();
            assertThat(this.driver.overflowQueues(this.bot.id())).isEqualTo(1);
            recorder.awaitCount(EventsDropped.class, 1, Duration.ofSeconds(5));
            AtomicInteger probes = new AtomicInteger();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
                this.driver.send(ALICE_THREAD, this.alice.id(), "probe " + probes.getAndIncrement());
                return recorder.texts(m -> m.message().text().startsWith("probe")).size() > 0;
            });

            assertThat(Duration.ofNanos(System.nanoTime() - overflowedAt)).isLessThan(Duration.ofSeconds(5));
            assertThat(recorder.events(EventsDropped.class)).extracting(EventsDropped::reason).containsExactly("ERROR_QUEUE_OVERFLOW");
            assertThat(recorder.count(Disconnect.class)).as("the connection stayed up").isZero();
            List<Event> events = recorder.events();
            assertThat(events.indexOf(recorder.events(EventsDropped.class).get(0)))
                .isLessThan(events.indexOf(recorder.events(MessageEvent.class).get(1)));
            List<String> texts = recorder.texts(m -> true);
            assertThat(texts).doesNotHaveDuplicates();
            assertThat(texts).first().isEqualTo("before the overflow");
        }
    }

    @Test
    void aRestartedServerThatForgotEverythingIsLoggedInToAgainAndHeardFromScratch() throws Exception {
        Listener listener = Listener.builder(login())
            .onLoggedOut(loggedOut -> Session.login(this.bot.email(), this.bot.password(), null, this.options))
            .build();
        try (EventRecorder recorder = EventRecorder.start(listener)) {
            recorder.awaitCount(Connect.class, 1, Duration.ofSeconds(10));
            for (int i = 0; i < 30; i++) {
                this.driver.send(ALICE_THREAD, this.alice.id(), "old world " + i);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> recorder.count(MessageEvent.class) == 30);

            int port = this.emulator.port();
            this.emulator.close(); // sessions, sync tokens and sequence ids are gone with it
            this.emulator = MessengerEmulator.start(port);
            recorder.awaitCount(LoggedOut.class, 1, Duration.ofSeconds(10));
            recorder.awaitCount(EventsDropped.class, 1, Duration.ofSeconds(5));
            this.driver.send(ALICE_THREAD, this.alice.id(), "new world 0");
            await().atMost(Duration.ofSeconds(5)).until(() -> recorder.texts(m -> true).contains("new world 0"));
            // The new world counts sequence ids from the start again: a later reconnect resumes in it, losing nothing.
            this.driver.dropConnections(this.bot.id());
            this.driver.send(ALICE_THREAD, this.alice.id(), "new world 1");
            await().atMost(Duration.ofSeconds(5)).until(() -> recorder.texts(m -> true).contains("new world 1"));

            assertThat(recorder.events(EventsDropped.class)).extracting(EventsDropped::reason).containsExactly("ERROR_QUEUE_NOT_FOUND");
            assertThat(recorder.texts(m -> m.message().text().startsWith("new world"))).containsExactly("new world 0", "new world 1");
        }
    }

    private Session login() {
        return Session.login(this.bot.email(), this.bot.password(), null, this.options);
    }
}
