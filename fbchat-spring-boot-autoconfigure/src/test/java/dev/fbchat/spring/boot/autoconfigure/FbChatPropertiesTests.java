package dev.fbchat.spring.boot.autoconfigure;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.fbchat.Session;
import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.spring.boot.autoconfigure.emulator.EmbeddedEmulatorInitializer;
import dev.fbchat.spring.boot.autoconfigure.emulator.EmbeddedEmulatorPortException;
import dev.fbchat.spring.boot.autoconfigure.emulator.EmbeddedEmulatorPortFailureAnalyzer;
import org.assertj.core.util.Throwables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code fbchat.*} properties: each invalid value fails startup naming the property and the fix, before any
 * request; an unknown key under {@code fbchat.} fails startup (a typo must not send the credentials to Facebook); the
 * embedded-emulator mode; the generated metadata.
 */
class FbChatPropertiesTests {

    @TempDir
    Path tempDir;

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "fbchat.timeout|-1s|timeout|must be a positive duration",
        "fbchat.timeout|0s|timeout|must be a positive duration",
        "fbchat.listener.keep-alive|0s|listener.keepAlive|must be a positive duration",
        "fbchat.listener.reconnect-max-delay|100ms|listener.reconnectMaxDelay|must not be shorter than fbchat.listener.reconnect-initial-delay",
        "fbchat.listener.concurrency|0|listener.concurrency|must be 1 or more",
        "fbchat.listener.queue-capacity|-5|listener.queueCapacity|must be 1 or more",
        "fbchat.listener.shutdown-timeout|-1s|listener.shutdownTimeout|must be a positive duration",
        "fbchat.emulator.port|70000|emulator.port|must be a port from 0",
        "fbchat.send.per-thread|-1|send.perThread|must be 0 (no limit) or more",
        "fbchat.send.per-account-period|0s|send.perAccountPeriod|must be a positive duration",
        "fbchat.endpoints.base-url|localhost:8765|endpoints.baseUrl|must be an absolute http or https URL with a host",
        "fbchat.endpoints.edge-chat|https://edge-chat.facebook.com/chat|endpoints.edgeChat|must be an absolute ws or wss URL",
        "fbchat.password|${FBCHAT_PASSWORD}|password|is the placeholder ${FBCHAT_PASSWORD}, which nothing resolved: set the environment variable or property FBCHAT_PASSWORD",
        "fbchat.email|${BOT_EMAIL}|email|is the placeholder ${BOT_EMAIL}",
    })
    void anInvalidValueFailsStartupNamingTheProperty(String property, String value, String field, String reason) {
        runner().withPropertyValues(property + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("on field '" + field + "'")
                .hasStackTraceContaining(reason);
        });
    }

    @Test
    void aCredentialIsNeverShownInAValidationError() {
        runner().withPropertyValues("fbchat.password=s3cret-Passw0rd", "fbchat.timeout=-1s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("on field 'timeout'");
            assertThat(Throwables.getStackTrace(context.getStartupFailure())).doesNotContain("s3cret-Passw0rd");
        });
    }

    @Test
    void anUnknownKeyUnderFbchatFailsStartupBeforeAnyRequest() {
        try (MessengerEmulator emulator = MessengerEmulator.start()) {
            EmulatorDriver driver = new EmulatorDriver(emulator.baseUrl());
            int requests = driver.stats().requests("/login/password/");
            runner().withPropertyValues("fbchat.endpoint.base-url=" + emulator.baseUrl(),
                    "fbchat.email=" + emulator.bot().email(), "fbchat.password=" + emulator.bot().password())
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("The elements [fbchat.endpoint.base-url] were left unbound");
                });
            assertThat(driver.stats().requests("/login/password/")).isEqualTo(requests);
        }
    }

    @Test
    void theEmbeddedEmulatorModeLogsInAsItsBotAndKeepsTheCookieFile() {
        Path cookieFile = this.tempDir.resolve("emulator-cookies.json");
        runner().withInitializer(new EmbeddedEmulatorInitializer())
            .withPropertyValues("fbchat.emulator.enabled=true", "fbchat.emulator.port=0", "fbchat.cookie-file=" + cookieFile,
                    "fbchat.listener.enabled=false")
            .run(context -> {
                assertThat(context).hasNotFailed().hasBean(EmbeddedEmulatorInitializer.EMULATOR_BEAN);
                MessengerEmulator emulator = context.getBean(MessengerEmulator.class);
                assertThat(context.getBean(Session.class).user().id()).isEqualTo(emulator.bot().id());
            });
        assertThat(cookieFile).exists();
        // switched off, no emulator starts: with no account configured, startup names the missing credentials
        runner().withInitializer(new EmbeddedEmulatorInitializer())
            .withPropertyValues("fbchat.emulator.enabled=false", "fbchat.listener.enabled=false")
            .run(context -> assertThat(context.getStartupFailure())
                .hasMessageContaining("no credentials are configured: set fbchat.email and fbchat.password"));
    }

    @Test
    void aTakenEmulatorPortIsNamedWithItsProperty() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            runner().withInitializer(new EmbeddedEmulatorInitializer())
                .withPropertyValues("fbchat.emulator.enabled=true", "fbchat.emulator.port=" + port)
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    assertThat(failure).isInstanceOf(EmbeddedEmulatorPortException.class)
                        .hasMessageContaining("port " + port + " (fbchat.emulator.port)");
                    FailureAnalysis analysis = new EmbeddedEmulatorPortFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription()).contains("port " + port + " (fbchat.emulator.port)");
                    assertThat(analysis.getAction()).contains("Set fbchat.emulator.port to a free port, or to 0");
                });
        }
    }

    @Test
    void theMetadataDescribesEveryProperty() throws Exception {
        JsonNode metadata;
        try (InputStream json = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(json).as("generated metadata").isNotNull();
            metadata = JsonMapper.builder().build().readTree(json);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode property : metadata.path("properties")) {
            names.add(property.path("name").asString());
            assertThat(property.path("description").asString()).as(property.path("name").asString()).isNotBlank();
        }
        assertThat(names).contains("fbchat.email", "fbchat.password", "fbchat.cookie-file", "fbchat.timeout",
                "fbchat.two-factor.totp-secret", "fbchat.listener.concurrency", "fbchat.listener.queue-capacity",
                "fbchat.listener.shutdown-timeout", "fbchat.emulator.enabled", "fbchat.emulator.port",
                "fbchat.endpoints.base-url", "fbchat.protocol");
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FbChatAutoConfiguration.class))
            .withPropertyValues("fbchat.cookie-file=" + this.tempDir.resolve("cookies.json"));
    }

}
