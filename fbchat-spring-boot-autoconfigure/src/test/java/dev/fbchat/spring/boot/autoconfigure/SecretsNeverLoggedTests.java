package dev.fbchat.spring.boot.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import dev.fbchat.Client;
import dev.fbchat.Session;
import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverThread;
import dev.fbchat.event.Connect;
import dev.fbchat.event.MessageEvent;
import dev.fbchat.spring.FbChatListener;
import dev.fbchat.upload.FileUpload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No secret in any log at any level: a bot application runs with {@code logging.level.root=TRACE} (every logger,
 * java.util.logging ones too through Spring Boot's bridge) while it logs in to the emulator's two-factor account from
 * its TOTP secret, listens, answers a message, sends a file and logs out; the whole log holds none of the password,
 * the TOTP secret, {@code fb_dtsg} or a cookie value. The log goes to a file (the console stays quiet), and the test's
 * own logging is restored afterwards.
 */
class SecretsNeverLoggedTests {

    @RegisterExtension
    static final StarterFixture starter = StarterFixture.perTest();

    @TempDir
    Path tempDir;

    @Test
    void rootTraceShowsNoPasswordTotpSecretTokenOrCookie() throws Exception {
        Account dave = starter.emulator().accounts()
            .stream()
            .filter(account -> account.checkpoint() == Account.Checkpoint.TWO_FACTOR)
            .findFirst()
            .orElseThrow();
        Account alice = starter.account("Alice");
        DriverThread thread = starter.driver().createUserThread(alice.id(), dave.id());
        List<String> secrets = new ArrayList<>(List.of(dave.password(), dave.twoFactorSecret()));
        Path logFile = this.tempDir.resolve("trace.log");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EchoApp.class)
            .web(WebApplicationType.NONE)
            .properties(Map.of("logging.config", "classpath:logback-to-file.xml", "logging.file.name", logFile.toString(),
                    "logging.level.root", "TRACE", "fbchat.endpoints.base-url",
                    starter.emulator().baseUrl().toString(), "fbchat.email", dave.email(), "fbchat.password", dave.password(),
                    "fbchat.two-factor.totp-secret", dave.twoFactorSecret(), "fbchat.cookie-file",
                    this.tempDir.resolve("cookies.json").toString()))
            .run();
        try {
            Session session = context.getBean(Session.class);
            EchoApp app = context.getBean(EchoApp.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> !app.connects.isEmpty());
            starter.driver().send(thread.id(), alice.id(), "ping");
            await().atMost(Duration.ofSeconds(10))
                .until(() -> starter.driver().messages(thread.id()).stream().anyMatch(m -> "echo: ping".equals(m.text())));
            Client client = context.getBean(Client.class);
            client.user(alice.id())
                .sendFiles(client.upload(List.of(new FileUpload("note.txt", "hello".getBytes(), "text/plain"))));
            secrets.add(session.requests().fbDtsg());
            session.getCookies().forEach((name, value) -> {
                // c_user is the account's id, which log lines name on purpose; every other cookie is a credential
                if (!name.equals("c_user")) {
                    secrets.add(value);
                }
            });
            session.logout();
        }
        finally {
            context.close();
            restoreTestLogging();
        }

        String logged = Files.readString(logFile);
        // checked without printing the output (or a secret) into a failure message
        assertThat(logged.contains(" TRACE ")).as("TRACE lines were captured").isTrue();
        assertThat(logged.contains("o.e.p.client.mqttv3")).as("java.util.logging lines (Paho's) were captured").isTrue();
        assertThat(secrets).allSatisfy(secret -> assertThat(secret.length()).isGreaterThan(5));
        for (int i = 0; i < secrets.size(); i++) {
            assertThat(logged.contains(secrets.get(i))).as("secret #%d of %d characters is logged", i,
                    secrets.get(i).length()).isFalse();
        }
    }

    /** Back to the tests' own logging (logback-test.xml; java.util.logging's defaults). */
    private static void restoreTestLogging() throws Exception {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        logback.reset();
        new ContextInitializer(logback).autoConfig();
        java.util.logging.LogManager.getLogManager().readConfiguration();
    }

    /** A bot that echoes every message. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class EchoApp {

        final List<Connect> connects = new CopyOnWriteArrayList<>();

        @FbChatListener
        String echo(MessageEvent event) {
            return "echo: " + event.message().text();
        }

        @EventListener
        void connected(Connect connect) {
            this.connects.add(connect);
        }
    }
}
