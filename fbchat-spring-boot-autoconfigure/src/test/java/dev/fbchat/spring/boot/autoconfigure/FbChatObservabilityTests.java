package dev.fbchat.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import dev.fbchat.emulator.Account;
import dev.fbchat.event.MessageEvent;
import dev.fbchat.spring.FbChatListener;
import dev.fbchat.spring.boot.autoconfigure.health.FbChatHealthContributorAutoConfiguration;
import dev.fbchat.spring.boot.autoconfigure.health.FbChatHealthIndicator;
import dev.fbchat.spring.boot.autoconfigure.metrics.FbChatMetrics;
import dev.fbchat.spring.boot.autoconfigure.metrics.FbChatMetricsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code fbchat} health indicator and the meters: UP while connected, DOWN once Facebook ended the session and
 * logging in again failed; events counted by type, handler calls timed by handler, the listener's gauges.
 */
class FbChatObservabilityTests {

    static final String ALICE_THREAD = "200000000000002";

    @RegisterExtension
    static final StarterFixture starter = StarterFixture.perTest();

    @TempDir
    Path tempDir;

    @Test
    void healthIsUpWhileConnectedAndDownWhenTheSessionEndsForGood() {
        Path cookieFile = this.tempDir.resolve("cookies.json");
        // a first start logs in and saves the cookies; the second has the cookies alone, so it cannot log in again
        runner().withPropertyValues("fbchat.email=" + starter.emulator().bot().email(),
                "fbchat.password=" + starter.emulator().bot().password(), "fbchat.cookie-file=" + cookieFile,
                "fbchat.listener.enabled=false")
            .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(FbChatHealthIndicator.class));
        runner().withPropertyValues("fbchat.cookie-file=" + cookieFile).run(context -> {
            assertThat(context).hasNotFailed();
            FbChatHealthIndicator health = context.getBean(FbChatHealthIndicator.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> health.health(true).getStatus().equals(Status.UP));
            Health up = health.health(true);
            assertThat(up.getDetails()).containsEntry("user", starter.emulator().bot().id())
                .containsEntry("connected", true)
                .containsEntry("reconnects", 0L)
                .containsEntry("relogins", 0L);

            starter.driver().endSessions(starter.emulator().bot().id());

            await().atMost(Duration.ofSeconds(10)).until(() -> health.health(true).getDetails().containsKey("stopped"));
            Health down = health.health(true);
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsEntry("connected", false);
            assertThat((String) down.getDetails().get("stopped")).contains("no credentials are configured");
        });
    }

    @Test
    void eventsHandlersAndTheListenerAreMeasured() {
        Account alice = starter.account("Alice");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        runner().withPropertyValues("fbchat.email=" + starter.emulator().bot().email(),
                "fbchat.password=" + starter.emulator().bot().password(),
                "fbchat.cookie-file=" + this.tempDir.resolve("metered.json"))
            .withBean(MeterRegistry.class, () -> meters)
            .withBean(ObservationRegistry.class, () -> observations)
            .withBean(Handler.class)
            .withBean(dev.fbchat.spring.FbChatErrorHandler.class, () -> (handler, event, error) -> { })
            .run(context -> {
                assertThat(context).hasNotFailed();
                context.getBean(FbChatMetrics.class).bindTo(meters);
                await().atMost(Duration.ofSeconds(10)).until(() -> meters.get("fbchat.listener.connected").gauge().value() == 1);

                for (int i = 0; i < 5; i++) {
                    starter.driver().send(ALICE_THREAD, alice.id(), i == 4 ? "fail" : "m" + i);
                }

                await().atMost(Duration.ofSeconds(10)).until(() -> meters.find("fbchat.events.received")
                    .tag("type", "MessageEvent").counters().stream().mapToDouble(c -> c.count()).sum() >= 5);
                await().atMost(Duration.ofSeconds(10)).until(() -> meters.find("fbchat.handler")
                    .tag("handler", "Handler.onMessage").timers().stream().mapToLong(t -> t.count()).sum() >= 5);
                assertThat(meters.find("fbchat.handler").tag("handler", "Handler.onMessage")
                    .tag("error", "IllegalStateException").timer()).isNotNull();
                assertThat(meters.get("fbchat.listener.reconnects").functionCounter().count()).isZero();
                assertThat(meters.get("fbchat.listener.relogins").functionCounter().count()).isZero();
                assertThat(meters.get("fbchat.dispatch.queue").gauge().value()).isGreaterThanOrEqualTo(0);
                assertThat(meters.get("fbchat.listener.last.message.age").gauge().value()).isBetween(0.0, 10.0);
                assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                    .noneMatch(tag -> tag.getValue().equals(alice.id()) || tag.getValue().equals(ALICE_THREAD)));
            });
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FbChatAutoConfiguration.class,
                    FbChatHealthContributorAutoConfiguration.class, FbChatMetricsAutoConfiguration.class))
            .withPropertyValues("fbchat.endpoints.base-url=" + starter.emulator().baseUrl(),
                    "fbchat.listener.reconnect-initial-delay=50ms");
    }

    /** Fails on "fail", counts the rest. */
    static class Handler {

        @FbChatListener
        void onMessage(MessageEvent event) {
            if ("fail".equals(event.message().text())) {
                throw new IllegalStateException("a test failure");
            }
        }
    }
}
