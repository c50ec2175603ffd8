package dev.fbchat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.emulator.driver.EmulatorDriver.CheckpointRequest;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.thread.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Login through the emulator's two-factor checkpoint over real HTTP: codes from a TOTP secret,
 * wrong codes, no code provider, the login review and the locked account. The emulator's
 * checkpoint log shows what the client posted.
 */
class TwoFactorLoginEndToEndTests {

    static MessengerEmulator emulator;

    static EmulatorDriver driver;

    static SessionOptions options;

    static Account bot;

    static Account dave;

    static Account erin;

    static Account frank;

    @BeforeAll
    static void startEmulator() {
        emulator = MessengerEmulator.start();
        driver = new EmulatorDriver(emulator.baseUrl());
        options = SessionOptions.defaults().withEndpoints(Endpoints.local(emulator.baseUrl()));
        bot = emulator.bot();
        dave = account("dave");
        erin = account("erin");
        frank = account("frank");
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void aTotpProviderLogsInAndTheSessionSendsMessages() throws Exception {
        int before = driver.checkpointRequests().size();
        EmulatorDriver.Stats statsBefore = driver.stats();
        RecordingProvider codes = new RecordingProvider(TwoFactorCodeProvider.totp(dave.twoFactorSecret()));
        ListAppender<ILoggingEvent> logs = captureLogs();
        Session session;
        try {
            session = Session.login(dave.email(), dave.password(), codes, options);
        }
        finally {
            stopCapture(logs);
        }

        assertThat(session.user().id()).isEqualTo(dave.id());
        assertThat(session.isLoggedIn()).isTrue();
        assertThat(session.getCookies()).containsEntry("c_user", dave.id()).containsKey("xs").doesNotContainKey("checkpoint");
        String sent = new User(session, bot.id()).sendText("hello from behind two factors");
        assertThat(driver.messages(threadOf(dave.id(), bot.id()))).anySatisfy(message -> {
            assertThat(message.id()).isEqualTo(sent);
            assertThat(message.authorId()).isEqualTo(dave.id());
            assertThat(message.text()).isEqualTo("hello from behind two factors");
        });
        assertThat(driver.stats().logins()).isEqualTo(statsBefore.logins() + 1);
        assertThat(driver.stats().checkpoints()).isEqualTo(statsBefore.checkpoints() + 1);
        assertThat(driver.stats().failedTwoFactorCodes()).isEqualTo(statsBefore.failedTwoFactorCodes());

        // What the client sent, step by step: fbchat's requests, each with the act cookie.
        List<CheckpointRequest> requests = since(before);
        assertThat(requests).extracting(CheckpointRequest::method, CheckpointRequest::path, CheckpointRequest::step)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "/checkpoint/start/", "CODE"),
                    org.assertj.core.groups.Tuple.tuple("GET", "/checkpoint/", "CODE"),
                    org.assertj.core.groups.Tuple.tuple("POST", "/checkpoint/", "CODE"),
                    org.assertj.core.groups.Tuple.tuple("POST", "/checkpoint/", "SAVE_BROWSER"),
                    org.assertj.core.groups.Tuple.tuple("GET", "/login/auth_token/", null));
        assertThat(requests).allSatisfy(request -> assertThat(request.act()).matches("[0-9]{13}/0"));
        assertThat(requests.get(2).fields()).containsOnlyKeys("jazoest", "fb_dtsg", "submit[Continue]", "nh", "no_fido",
                "approvals_code")
            .containsEntry("approvals_code", codes.given.get(0))
            .containsEntry("submit[Continue]", "Continue")
            .containsEntry("no_fido", "true");
        assertThat(requests.get(2).fields().get("jazoest")).isEqualTo("2" + requests.get(2).fields().get("fb_dtsg").chars().sum());
        assertThat(requests.get(3).fields()).containsEntry("name_action_selected", "save_device")
            .containsKeys("fb_dtsg", "nh", "jazoest");
        assertThat(codes.given).hasSize(1);

        // Step names only: no code, secret, token or cookie in the logs.
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
            .anySatisfy(message -> assertThat(message).contains("submitting code 1"))
            .allSatisfy(message -> assertThat(message).doesNotContain(codes.given.get(0), dave.twoFactorSecret(),
                    dave.password(), session.getCookies().get("xs"), requests.get(2).fields().get("fb_dtsg")));
    }

    @Test
    void aWrongCodeIsAskedAgainAndTheNextRightCodeLogsIn() {
        EmulatorDriver.Stats statsBefore = driver.stats();
        TwoFactorCodeProvider right = TwoFactorCodeProvider.totp(dave.twoFactorSecret());
        RecordingProvider codes = new RecordingProvider(sequence(() -> wrongCode(right.code()), right));

        Session session = Session.login(dave.email(), dave.password(), codes, options);

        assertThat(session.user().id()).isEqualTo(dave.id());
        assertThat(codes.given).hasSize(2);
        assertThat(driver.stats().failedTwoFactorCodes()).isEqualTo(statsBefore.failedTwoFactorCodes() + 1);
        assertThat(driver.stats().logins()).isEqualTo(statsBefore.logins() + 1);
    }

    @Test
    void codesThatAreAlwaysWrongEndInNotLoggedInNamingTheWrongCode() {
        int before = driver.checkpointRequests().size();
        EmulatorDriver.Stats statsBefore = driver.stats();
        TwoFactorCodeProvider right = TwoFactorCodeProvider.totp(dave.twoFactorSecret());
        RecordingProvider codes = new RecordingProvider(() -> wrongCode(right.code()));

        assertThatThrownBy(() -> Session.login(dave.email(), dave.password(), codes, options))
            .isInstanceOf(NotLoggedIn.class)
            .hasMessageContaining("Wrong two-factor code")
            .hasMessageNotContaining(codes.given.isEmpty() ? "-" : codes.given.get(0));

        assertThat(codes.given).hasSize(3);
        assertThat(driver.stats().failedTwoFactorCodes()).isEqualTo(statsBefore.failedTwoFactorCodes() + 3);
        assertThat(driver.stats().logins()).isEqualTo(statsBefore.logins());
        assertThat(since(before)).filteredOn(request -> request.method().equals("POST"))
            .hasSize(3)
            .allSatisfy(request -> assertThat(request.step()).isEqualTo("CODE"));
    }

    @Test
    void withoutACodeProviderTheCheckpointIsNotLoggedIn() {
        int before = driver.checkpointRequests().size();

        assertThatThrownBy(() -> Session.login(dave.email(), dave.password(), null, options))
            .isInstanceOf(NotLoggedIn.class)
            .hasMessageStartingWith("2FA code required!")
            .hasMessageContaining("TwoFactorCodeProvider");
        assertThat(since(before)).as("no checkpoint request without a provider").isEmpty();
    }

    @Test
    void theLoginReviewIsConfirmedAsUsAndTheDeviceSavedAgain() {
        int before = driver.checkpointRequests().size();

        Session session = Session.login(erin.email(), erin.password(), TwoFactorCodeProvider.totp(erin.twoFactorSecret()),
                options);

        assertThat(session.user().id()).isEqualTo(erin.id());
        List<CheckpointRequest> posts = since(before).stream().filter(request -> request.method().equals("POST")).toList();
        assertThat(posts).extracting(CheckpointRequest::step)
            .containsExactly("CODE", "SAVE_BROWSER", "REVIEW_INTRO", "REVIEW", "SAVE_DEVICE");
        assertThat(posts.get(3).fields()).containsEntry("submit[This was me]", "[any value]")
            .doesNotContainKey("submit[This wasn't me]");
        assertThat(posts.get(4).fields()).containsEntry("name_action_selected", "save_device");
    }

    @Test
    void theLockedAccountIsNotLoggedInWithTheLockedText() {
        EmulatorDriver.Stats statsBefore = driver.stats();
        RecordingProvider codes = new RecordingProvider(() -> "123456");

        assertThatThrownBy(() -> Session.login(frank.email(), frank.password(), codes, options))
            .isInstanceOf(NotLoggedIn.class)
            .hasMessage("Your account is locked, and you need to log in using a browser, and verify it there!");
        assertThat(codes.given).as("no code asked").isEmpty();
        assertThat(driver.stats().logins()).isEqualTo(statsBefore.logins());
    }

    @Test
    void aWrongPasswordOfATwoFactorAccountIsAnOrdinaryWrongPassword() {
        assertThatThrownBy(() -> Session.login(dave.email(), "wrong", TwoFactorCodeProvider.totp(dave.twoFactorSecret()),
                options))
            .isInstanceOf(NotLoggedIn.class)
            .hasMessage("The password you entered is incorrect. Did you forget your password?");
    }

    private static List<CheckpointRequest> since(int before) {
        List<CheckpointRequest> all = driver.checkpointRequests();
        return all.subList(before, all.size());
    }

    /** A six-digit code that is not {@code right}. */
    private static String wrongCode(String right) {
        char first = (char) ('0' + (right.charAt(0) - '0' + 5) % 10);
        return first + right.substring(1);
    }

    private static TwoFactorCodeProvider sequence(TwoFactorCodeProvider... providers) {
        Iterator<TwoFactorCodeProvider> next = List.of(providers).iterator();
        return () -> next.next().code();
    }

    private static Account account(String firstName) {
        return emulator.accounts()
            .stream()
            .filter(account -> account.email().startsWith(firstName + "@"))
            .findFirst()
            .orElseThrow();
    }

    /** The emulator's one-to-one thread of two accounts, from the driver API's thread list. */
    private static String threadOf(String first, String second) throws Exception {
        HttpResponse<String> threads = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator/threads")).build(),
                    HttpResponse.BodyHandlers.ofString());
        for (JsonNode thread : FacebookJson.MAPPER.readTree(threads.body())) {
            List<String> participants = new ArrayList<>();
            thread.path("participants").forEach(id -> participants.add(id.asString()));
            if (thread.path("type").asString().equals("USER") && participants.size() == 2
                    && participants.containsAll(List.of(first, second))) {
                return thread.path("id").asString();
            }
        }
        throw new AssertionError("no thread of " + first + " and " + second);
    }

    private static ListAppender<ILoggingEvent> captureLogs() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger("dev.fbchat")).addAppender(appender);
        return appender;
    }

    private static void stopCapture(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger("dev.fbchat")).detachAppender(appender);
        appender.stop();
    }

    /** Remembers the codes it handed out. */
    static final class RecordingProvider implements TwoFactorCodeProvider {

        final List<String> given = new ArrayList<>();

        private final TwoFactorCodeProvider codes;

        private final AtomicInteger calls = new AtomicInteger();

        RecordingProvider(TwoFactorCodeProvider codes) {
            this.codes = codes;
        }

        @Override
        public String code() {
            this.calls.incrementAndGet();
            String code = this.codes.code();
            this.given.add(code);
            return code;
        }
    }
}
