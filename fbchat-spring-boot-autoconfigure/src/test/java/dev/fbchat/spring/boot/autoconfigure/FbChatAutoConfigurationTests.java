package dev.fbchat.spring.boot.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.fbchat.Client;
import dev.fbchat.NotLoggedIn;
import dev.fbchat.ProtocolConstant;
import dev.fbchat.Session;
import dev.fbchat.SessionOptions;
import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.listen.Listener;
import dev.fbchat.spring.FbChatCookieStore;
import dev.fbchat.spring.boot.autoconfigure.listener.FbChatListenerLifecycle;
import dev.fbchat.spring.boot.autoconfigure.session.FbChatLoginException;
import dev.fbchat.spring.boot.autoconfigure.session.FbChatLoginFailureAnalyzer;
import dev.fbchat.spring.boot.autoconfigure.session.FileCookieStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.assertj.core.util.Throwables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Conditions, overrides and the session bootstrap, against a real emulator. */
class FbChatAutoConfigurationTests {

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

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FbChatAutoConfiguration.class))
            .withPropertyValues("fbchat.endpoints.base-url=" + emulator.baseUrl(),
                    "fbchat.email=" + emulator.bot().email(), "fbchat.password=" + emulator.bot().password(),
                    "fbchat.cookie-file=" + this.tempDir.resolve("cookies.json"));
    }

    @Test
    void protocolConstantsAreOverriddenByName() {
        runner().withPropertyValues("fbchat.listener.enabled=false", "fbchat.protocol.messages-doc-id=1234567890")
            .run(context -> {
                SessionOptions options = context.getBean(SessionOptions.class);
                assertThat(options.protocolConstant(ProtocolConstant.MESSAGES_DOC_ID)).isEqualTo("1234567890");
                assertThat(options.protocolConstant(ProtocolConstant.THREAD_INFO_DOC_ID))
                    .isEqualTo(ProtocolConstant.THREAD_INFO_DOC_ID.defaultValue());
            });
    }

    @Test
    void logsInOnceThenReusesTheSavedCookiesAfterARestart() throws Exception {
        int loginsBefore = driver.stats().logins();
        int loginPostsBefore = driver.stats().requests("/login/password/");

        runner().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Session.class).hasSingleBean(Client.class)
                .hasSingleBean(Listener.class).hasSingleBean(FbChatListenerLifecycle.class);
            assertThat(context.getBean(Session.class).user().id()).isEqualTo(emulator.bot().id());
            assertThat(context.getBean(SessionOptions.class).endpoints().messenger().toString())
                .isEqualTo(emulator.baseUrl().toString());
        });
        assertThat(driver.stats().logins()).isEqualTo(loginsBefore + 1);
        Path cookieFile = this.tempDir.resolve("cookies.json");
        assertThat(cookieFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cookieFile))).isEqualTo("rw-------");

        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Session.class).isLoggedIn()).isTrue();
        });
        assertThat(driver.stats().logins()).as("logins after the restart").isEqualTo(loginsBefore + 1);
        assertThat(driver.stats().requests("/login/password/")).isEqualTo(loginPostsBefore + 1);
    }

    @Test
    void aWrongPasswordFailsStartupWithFacebooksReasonAndNamesTheProperty() {
        runner().withPropertyValues("fbchat.password=not-the-password").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            FbChatLoginException login = find(failure, FbChatLoginException.class);
            assertThat(login.property()).isEqualTo("fbchat.password");
            assertThat(login.getMessage()).contains("fbchat.password");
            NotLoggedIn notLoggedIn = find(failure, NotLoggedIn.class);
            assertThat(notLoggedIn.getMessage())
                .isEqualTo("The password you entered is incorrect. Did you forget your password?");
            FailureAnalysis analysis = new FbChatLoginFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).contains("The password you entered is incorrect.");
            assertThat(analysis.getAction()).contains("'fbchat.password'");
        });
    }

    @Test
    void noCredentialsAndNoCookiesNamesTheEmailProperty() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FbChatAutoConfiguration.class))
            .withPropertyValues("fbchat.endpoints.base-url=" + emulator.baseUrl(),
                    "fbchat.cookie-file=" + this.tempDir.resolve("none.json"))
            .run(context -> {
                assertThat(context).hasFailed();
                assertThat(find(context.getStartupFailure(), FbChatLoginException.class).property())
                    .isEqualTo("fbchat.email");
            });
    }

    @Test
    void aTwoFactorAccountLogsInUnattendedFromItsTotpSecret() {
        dev.fbchat.emulator.Account dave = emulator.accounts()
            .stream()
            .filter(account -> account.checkpoint() == dev.fbchat.emulator.Account.Checkpoint.TWO_FACTOR)
            .findFirst()
            .orElseThrow();
        runner().withPropertyValues("fbchat.listener.enabled=false", "fbchat.email=" + dave.email(),
                "fbchat.password=" + dave.password(), "fbchat.two-factor.totp-secret=" + dave.twoFactorSecret(),
                "fbchat.cookie-file=" + this.tempDir.resolve("dave.json"))
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(Session.class).user().id()).isEqualTo(dave.id());
            });
        runner().withPropertyValues("fbchat.listener.enabled=false", "fbchat.two-factor.totp-secret=NOT BASE32!1",
                "fbchat.cookie-file=" + this.tempDir.resolve("other.json"))
            .run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).hasStackTraceContaining(
                        "fbchat.two-factor.totp-secret is not a base32 secret")
                    .satisfies(failure -> assertThat(Throwables.getStackTrace(failure)).doesNotContain("NOT BASE32!1"));
            });
    }


    @Test
    void sendLimitsBindToTheSessionsPacing() {
        runner().withPropertyValues("fbchat.listener.enabled=false", "fbchat.send.per-thread=3",
                "fbchat.send.per-account=20", "fbchat.send.per-account-period=10s")
            .run(context -> assertThat(context.getBean(SessionOptions.class).sendPacing()).isEqualTo(
                    new dev.fbchat.SendPacing(new dev.fbchat.SendPacing.Rate(3, java.time.Duration.ofSeconds(1)),
                            new dev.fbchat.SendPacing.Rate(20, java.time.Duration.ofSeconds(10)))));
        runner().withPropertyValues("fbchat.listener.enabled=false")
            .run(context -> assertThat(context.getBean(SessionOptions.class).sendPacing())
                .isEqualTo(dev.fbchat.SendPacing.UNLIMITED));
    }

    @Test
    void savedCookiesAreRestoredAtTheSessionsFirstUseNotAtStartup() throws Exception {
        Path cookieFile = this.tempDir.resolve("cookies.json");
        Session loggedIn = Session.login(emulator.bot().email(), emulator.bot().password(), null,
                SessionOptions.defaults().withEndpoints(dev.fbchat.Endpoints.local(emulator.baseUrl())));
        new FileCookieStore(cookieFile).save(loggedIn.getCookies());
        int loginsBefore = driver.stats().logins();
        int homePagesBefore = driver.stats().requests("/");
        runner().withPropertyValues("fbchat.listener.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            Session session = context.getBean(Session.class);
            assertThat(session.isMade()).isFalse();
            assertThat(driver.stats().requests("/")).isEqualTo(homePagesBefore);

            assertThat(session.user().id()).isEqualTo(emulator.bot().id());
            assertThat(driver.stats().requests("/")).isEqualTo(homePagesBefore + 1);
        });
        assertThat(driver.stats().logins()).isEqualTo(loginsBefore);
    }

    @Test
    void staleCookiesFallBackToALoginAtTheSessionsFirstUse() throws Exception {
        Path cookieFile = this.tempDir.resolve("cookies.json");
        Files.writeString(cookieFile, "{\"c_user\":\"" + emulator.bot().id() + "\",\"xs\":\"expired\"}");
        int loginsBefore = driver.stats().logins();
        runner().withPropertyValues("fbchat.listener.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(driver.stats().logins()).isEqualTo(loginsBefore);

            assertThat(context.getBean(Session.class).user().id()).isEqualTo(emulator.bot().id());
        });
        assertThat(driver.stats().logins()).isEqualTo(loginsBefore + 1);
        assertThat(Files.readString(cookieFile)).doesNotContain("expired");
    }

    @Test
    void staleCookiesAndAWrongPasswordFailTheFirstUseNamingThePassword() throws Exception {
        Path cookieFile = this.tempDir.resolve("cookies.json");
        Files.writeString(cookieFile, "{\"c_user\":\"" + emulator.bot().id() + "\",\"xs\":\"expired\"}");
        runner().withPropertyValues("fbchat.listener.enabled=false", "fbchat.password=not-the-password")
            .run(context -> {
                assertThat(context).hasNotFailed();
                Session session = context.getBean(Session.class);
                assertThatExceptionOfType(FbChatLoginException.class).isThrownBy(session::user)
                    .satisfies(ex -> assertThat(ex.property()).isEqualTo("fbchat.password"));
                assertThat(session.isMade()).isFalse();
            });
        assertThat(Files.readString(cookieFile)).contains("expired");
    }

    @Test
    void disabledMeansNoBeans() {
        runner().withPropertyValues("fbchat.enabled=false")
            .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Session.class).doesNotHaveBean(Listener.class));
    }

    @Test
    void theListenerCanBeSwitchedOff() {
        runner().withPropertyValues("fbchat.listener.enabled=false")
            .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Session.class)
                .doesNotHaveBean(Listener.class).doesNotHaveBean(FbChatListenerLifecycle.class));
    }

    @Test
    void aCookieStoreBeanOfTheApplicationReplacesTheFile() {
        InMemoryCookieStore store = new InMemoryCookieStore();
        runner().withPropertyValues("fbchat.listener.enabled=false")
            .withBean(FbChatCookieStore.class, () -> store)
            .run(context -> {
                assertThat(context).hasNotFailed().getBean(FbChatCookieStore.class).isSameAs(store);
                assertThat(store.cookies).containsEntry("c_user", emulator.bot().id());
            });
        assertThat(this.tempDir.resolve("cookies.json")).doesNotExist();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " in " + NestedExceptionUtils.getMostSpecificCause(failure));
    }

    static final class InMemoryCookieStore implements FbChatCookieStore {

        final Map<String, String> cookies = new HashMap<>();

        @Override
        public Optional<Map<String, String>> load() {
            return this.cookies.isEmpty() ? Optional.empty() : Optional.of(Map.copyOf(this.cookies));
        }

        @Override
        public void save(Map<String, String> cookies) {
            this.cookies.clear();
            this.cookies.putAll(cookies);
        }
    }
}
