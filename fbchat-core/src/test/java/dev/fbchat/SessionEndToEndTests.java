package dev.fbchat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.event.Connect;
import dev.fbchat.event.Disconnect;
import dev.fbchat.event.Event;
import dev.fbchat.event.MessageEvent;
import dev.fbchat.internal.FacebookRequests;
import dev.fbchat.listen.Listener;
import dev.fbchat.thread.Group;
import dev.fbchat.thread.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The core library against the emulator over real HTTP and MQTT over WebSocket: no Spring, no mocks. */
class SessionEndToEndTests {

    static final String ALICE_THREAD = "200000000000002";

    static final String GROUP = "300000000000001";

    static MessengerEmulator emulator;

    static EmulatorDriver driver;

    static SessionOptions options;

    static Account bot;

    static Account alice;

    @BeforeAll
    static void startEmulator() {
        emulator = MessengerEmulator.start();
        driver = new EmulatorDriver(emulator.baseUrl());
        options = SessionOptions.defaults().withEndpoints(Endpoints.local(emulator.baseUrl()));
        bot = emulator.bot();
        alice = emulator.accounts().stream().filter(a -> a.name().toLowerCase().startsWith("alice")).findFirst().orElseThrow();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void loginGivesASessionWhoseCookiesLogInAgainUntilLogout() {
        Session session = Session.login(bot.email(), bot.password(), null, options);
        assertThat(session.user()).isEqualTo(new User(session, bot.id()));
        assertThat(session.isLoggedIn()).isTrue();
        assertThat(session.toString()).doesNotContain(session.getCookies().get("xs"));

        Map<String, String> cookies = session.getCookies();
        assertThat(cookies).containsKeys("c_user", "xs");
        Session restored = Session.fromCookies(cookies, options);
        assertThat(restored.user().id()).isEqualTo(bot.id());

        session.logout();
        assertThat(restored.isLoggedIn()).isFalse();
        assertThatThrownBy(() -> Session.fromCookies(cookies, options)).isInstanceOf(NotLoggedIn.class);
    }

    @Test
    void aWrongPasswordIsNotLoggedInWithFacebooksText() {
        assertThatThrownBy(() -> Session.login(bot.email(), "wrong", null, options)).isInstanceOf(NotLoggedIn.class)
            .hasMessage("The password you entered is incorrect. Did you forget your password?");
    }

    @Test
    void aStaleTokenIsRenewedOnceAndAMissingSessionMapsToTheExceptionFamily() {
        Session session = Session.login(bot.email(), bot.password(), null, options);
        FacebookRequests stale = new FacebookRequests(session.requests().transport(), bot.id(), "stale-token", 1);
        int sendsBefore = driver.stats().requests("/messaging/send/");
        int homeBefore = driver.stats().requests("/");

        String messageId = stale.sendMessage(Map.of("other_user_fbid", alice.id(), "body", "x",
                "action_type", "ma-type:user-generated-message")).messageId();

        assertThat(messageId).startsWith("mid.");
        assertThat(stale.fbDtsg()).isEqualTo(session.requests().fbDtsg());
        assertThat(driver.stats().requests("/messaging/send/")).isEqualTo(sendsBefore + 2);
        assertThat(driver.stats().requests("/")).isEqualTo(homeBefore + 1);
        assertThatThrownBy(() -> Session.fromCookies(Map.of("c_user", bot.id(), "xs", "forged"), options))
            .isInstanceOf(NotLoggedIn.class);
        assertThatThrownBy(() -> Session.login(bot.email(), bot.password(), null,
                options.withEndpoints(Endpoints.local(URI.create("http://127.0.0.1:1")))))
            .isInstanceOf(HTTPError.class);
    }

    @Test
    void anExpiredFbDtsgIsRenewedFromTheHomePageAndTheRequestSentAgain() {
        Session session = Session.login(bot.email(), bot.password(), null, options);
        String expired = session.requests().fbDtsg();
        assertThat(driver.expireFbDtsg(bot.id())).isPositive();
        int sendsBefore = driver.stats().requests("/messaging/send/");
        int homeBefore = driver.stats().requests("/");

        String messageId = new User(session, alice.id()).sendText("after the token expired");

        assertThat(driver.messages(ALICE_THREAD)).anySatisfy(m -> assertThat(m.id()).isEqualTo(messageId));
        assertThat(session.requests().fbDtsg()).isNotEqualTo(expired);
        assertThat(driver.stats().requests("/messaging/send/")).isEqualTo(sendsBefore + 2);
        assertThat(driver.stats().requests("/")).isEqualTo(homeBefore + 1);
    }

    @Test
    void sendTextReachesUsersAndGroups() {
        Session session = Session.login(bot.email(), bot.password(), null, options);
        String toAlice = new User(session, alice.id()).sendText("hi alice");
        String toGroup = new Group(session, GROUP).sendText("hi all");

        assertThat(toAlice).startsWith("mid.");
        assertThat(driver.messages(ALICE_THREAD)).anySatisfy(m -> {
            assertThat(m.id()).isEqualTo(toAlice);
            assertThat(m.authorId()).isEqualTo(bot.id());
            assertThat(m.text()).isEqualTo("hi alice");
        });
        assertThat(driver.messages(GROUP)).anySatisfy(m -> assertThat(m.id()).isEqualTo(toGroup));

        int sends = driver.stats().requests("/messaging/send/");
        assertThatThrownBy(() -> new User(session, alice.id()).sendText("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new User(session, "999").sendText("nobody")).isInstanceOf(InvalidParameters.class);
        assertThat(driver.stats().requests("/messaging/send/")).isEqualTo(sends + 1);
    }

    @Test
    void theListenerTurnsMessagesIntoTypedEventsAndEndsOnDisconnect() throws Exception {
        Session session = Session.login(bot.email(), bot.password(), null, options);
        Listener listener = new Listener(session, false, false);
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        java.lang.Thread reader = new java.lang.Thread(() -> listener.listen().forEach(events::add));
        reader.start();

        assertThat(events.poll(10, TimeUnit.SECONDS)).isInstanceOf(Connect.class);
        long before = System.currentTimeMillis();
        driver.send(ALICE_THREAD, alice.id(), "hello bot");
        driver.send(GROUP, alice.id(), "hello group");

        MessageEvent first = nextMessage(events);
        assertThat(first.author()).isEqualTo(new User(session, alice.id()));
        assertThat(first.thread()).isEqualTo(new User(session, alice.id()));
        assertThat(first.message().text()).isEqualTo("hello bot");
        assertThat(first.message().author()).isEqualTo(alice.id());
        assertThat(first.message().id()).startsWith("mid.");
        assertThat(first.at().toEpochMilli()).isBetween(before - 1000, System.currentTimeMillis() + 1000);
        assertThat(first.message().createdAt()).isEqualTo(first.at());

        MessageEvent second = nextMessage(events);
        assertThat(second.thread()).isEqualTo(new Group(session, GROUP));
        assertThat(second.message().text()).isEqualTo("hello group");

        listener.disconnect();
        reader.join(Duration.ofSeconds(10).toMillis());
        assertThat(reader.isAlive()).as("listen() ended").isFalse();
    }

    @Test
    void aListenerOfALoggedOutSessionFailsWithNotLoggedInEachTime() {
        Session session = Session.login(bot.email(), bot.password(), null, options);
        session.logout();
        Listener listener = new Listener(session, false, false);

        assertThatThrownBy(listener::connect).isInstanceOf(NotLoggedIn.class);
        assertThatThrownBy(listener::connect).as("a second try asks again").isInstanceOf(NotLoggedIn.class);
        assertThat(listener.isConnected()).isFalse();
    }

    @Test
    void aLostConnectionIsReportedAndTheListenerStillStops() throws Exception {
        MessengerEmulator doomed = MessengerEmulator.start();
        SessionOptions doomedOptions = SessionOptions.defaults().withEndpoints(Endpoints.local(doomed.baseUrl()));
        Session session = Session.login(bot.email(), bot.password(), null, doomedOptions);
        Listener listener = new Listener(session, false, false);
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        java.lang.Thread reader = new java.lang.Thread(() -> listener.listen().forEach(events::add));
        reader.start();
        assertThat(events.poll(10, TimeUnit.SECONDS)).isInstanceOf(Connect.class);

        doomed.close();

        assertThat(events.poll(10, TimeUnit.SECONDS)).isInstanceOf(Disconnect.class);
        assertTimeoutPreemptively(Duration.ofSeconds(10), listener::disconnect, "disconnect() returns with the server gone");
        reader.join(Duration.ofSeconds(10).toMillis());
        assertThat(reader.isAlive()).as("listen() ended").isFalse();
    }

    private static MessageEvent nextMessage(BlockingQueue<Event> events) throws InterruptedException {
        while (true) {
            Event event = events.poll(5, TimeUnit.SECONDS);
            assertThat(event).as("an event within 5 s").isNotNull();
            if (event instanceof MessageEvent message) {
                return message;
            }
        }
    }
}
