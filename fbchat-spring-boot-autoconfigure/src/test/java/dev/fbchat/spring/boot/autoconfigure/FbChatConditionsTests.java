package dev.fbchat.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.fbchat.Client;
import dev.fbchat.Session;
import dev.fbchat.SessionOptions;
import dev.fbchat.TwoFactorCodeProvider;
import dev.fbchat.emulator.Account;
import dev.fbchat.listen.Listener;
import dev.fbchat.spring.FbChatCookieStore;
import dev.fbchat.spring.FbChatErrorHandler;
import dev.fbchat.spring.boot.autoconfigure.health.FbChatHealthContributorAutoConfiguration;
import dev.fbchat.spring.boot.autoconfigure.health.FbChatHealthIndicator;
import dev.fbchat.spring.boot.autoconfigure.listener.FbChatListenerLifecycle;
import dev.fbchat.spring.boot.autoconfigure.listener.LoggingErrorHandler;
import dev.fbchat.spring.boot.autoconfigure.metrics.FbChatMetrics;
import dev.fbchat.spring.boot.autoconfigure.metrics.FbChatMetricsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every condition and override of the starter's auto-configurations, with {@code ApplicationContextRunner}: the
 * beans a user declares win, switches turn parts off, and health and metrics appear only with their libraries and a
 * listener.
 */
class FbChatConditionsTests {

    @RegisterExtension
    static final StarterFixture starter = new StarterFixture();

    @TempDir
    Path tempDir;

    @Test
    void everyBeanIsThereByDefault() {
        runner().run(context -> assertThat(context).hasNotFailed()
            .hasSingleBean(FbChatCookieStore.class)
            .hasSingleBean(SessionOptions.class)
            .hasSingleBean(Session.class)
            .hasSingleBean(Client.class)
            .hasSingleBean(Listener.class)
            .hasSingleBean(FbChatListenerLifecycle.class)
            .hasSingleBean(LoggingErrorHandler.class)
            .hasSingleBean(FbChatHealthIndicator.class)
            .hasSingleBean(FbChatMetrics.class));
    }

    @Test
    void theUsersBeansWin() {
        InMemoryCookies cookies = new InMemoryCookies();
        FbChatErrorHandler errors = (handler, event, error) -> { };
        runner().withBean(FbChatCookieStore.class, () -> cookies)
            .withBean(FbChatErrorHandler.class, () -> errors)
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(FbChatCookieStore.class)).isSameAs(cookies);
                assertThat(cookies.saved).as("the login's cookies went to the user's store").isNotEmpty();
                assertThat(context.getBean(FbChatErrorHandler.class)).isSameAs(errors);
                assertThat(context).doesNotHaveBean(LoggingErrorHandler.class);
            });
        SessionOptions options = SessionOptions.defaults().withEndpoints(dev.fbchat.Endpoints.local(starter.emulator().baseUrl()))
            .withUserAgent("my agent");
        runner().withBean(SessionOptions.class, () -> options)
            .run(context -> assertThat(context.getBean(SessionOptions.class).userAgent()).isEqualTo("my agent"));
    }

    @Test
    void aTwoFactorCodeProviderBeanWinsOverTheTotpSecret() {
        Account dave = starter.emulator().accounts()
            .stream()
            .filter(account -> account.checkpoint() == Account.Checkpoint.TWO_FACTOR)
            .findFirst()
            .orElseThrow();
        List<String> asked = new CopyOnWriteArrayList<>();
        TwoFactorCodeProvider provider = () -> {
            asked.add("asked");
            return TwoFactorCodeProvider.totp(dave.twoFactorSecret()).code();
        };
        runner().withPropertyValues("fbchat.email=" + dave.email(), "fbchat.password=" + dave.password(),
                "fbchat.two-factor.totp-secret=AAAAAAAAAAAAAAAA", "fbchat.cookie-file=" + this.tempDir.resolve("dave.json"))
            .withBean(TwoFactorCodeProvider.class, () -> provider)
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(asked).isNotEmpty();
            });
    }

    @Test
    void switchesTurnPartsOff() {
        runner().withPropertyValues("fbchat.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean(Session.class).doesNotHaveBean(Listener.class));
        runner().withPropertyValues("fbchat.listener.enabled=false")
            .run(context -> assertThat(context).hasSingleBean(Session.class)
                .doesNotHaveBean(Listener.class)
                .doesNotHaveBean(FbChatListenerLifecycle.class)
                .doesNotHaveBean(FbChatHealthIndicator.class)
                .doesNotHaveBean(FbChatMetrics.class));
        runner().withPropertyValues("management.health.fbchat.enabled=false")
            .run(context -> assertThat(context).hasSingleBean(Listener.class).doesNotHaveBean(FbChatHealthIndicator.class));
    }

    @Test
    void healthAndMetricsNeedTheirLibraries() {
        runner().withClassLoader(new FilteredClassLoader(HealthIndicator.class, MeterRegistry.class))
            .run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(Listener.class)
                .doesNotHaveBean(FbChatHealthIndicator.class)
                .doesNotHaveBean(FbChatMetrics.class));
    }

    private ApplicationContextRunner runner() {
        return starter.runner(this.tempDir.resolve("cookies.json"), FbChatHealthContributorAutoConfiguration.class,
                FbChatMetricsAutoConfiguration.class);
    }

    /** A cookie store in memory. */
    static final class InMemoryCookies implements FbChatCookieStore {

        final Map<String, String> saved = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Optional<Map<String, String>> load() {
            return this.saved.isEmpty() ? Optional.empty() : Optional.of(Map.copyOf(this.saved));
        }

        @Override
        public void save(Map<String, String> cookies) {
            this.saved.putAll(cookies);
        }
    }
}
