package dev.fbchat.spring.boot.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.fbchat.Session;
import dev.fbchat.listen.Listener;
import dev.fbchat.spring.boot.autoconfigure.health.FbChatHealthContributorAutoConfiguration;
import dev.fbchat.spring.boot.autoconfigure.health.FbChatHealthIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With saved cookies the application starts without reaching Facebook, and the listener, connecting in the
 * background, restores the session; when the cookies no longer log in and the password is wrong, the listener stops
 * once with an error naming the property, and the health shows DOWN.
 */
@ExtendWith(OutputCaptureExtension.class)
class FbChatSessionAtFirstUseTests {

    @RegisterExtension
    static final StarterFixture starter = StarterFixture.perTest();

    @TempDir
    Path tempDir;

    @Test
    void theListenerRestoresSavedCookiesInTheBackground() {
        Path cookieFile = this.tempDir.resolve("cookies.json");
        // a first start logs in (no cookies yet) and saves the cookies
        runner(cookieFile).withPropertyValues("fbchat.listener.enabled=false")
            .run(context -> assertThat(context.getBean(Session.class).isMade()).isTrue());
        int logins = starter.driver().stats().logins();

        runner(cookieFile).run(context -> {
            assertThat(context).hasNotFailed();
            await().atMost(Duration.ofSeconds(10)).until(() -> context.getBean(Listener.class).isConnected());
            assertThat(context.getBean(Session.class).isMade()).isTrue();
            Health up = context.getBean(FbChatHealthIndicator.class).health(true);
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("user", starter.emulator().bot().id());
        });
        assertThat(starter.driver().stats().logins()).isEqualTo(logins);
    }

    @Test
    void staleCookiesAndAWrongPasswordStopTheListenerOnceNamingThePassword(CapturedOutput output) throws Exception {
        Path cookieFile = this.tempDir.resolve("cookies.json");
        Files.writeString(cookieFile, "{\"c_user\":\"" + starter.emulator().bot().id() + "\",\"xs\":\"expired\"}");
        int failedLogins = starter.driver().stats().failedLogins();

        runner(cookieFile).withPropertyValues("fbchat.password=not-the-password")
            .run(context -> {
                assertThat(context).hasNotFailed();
                await().atMost(Duration.ofSeconds(10))
                    .until(() -> output.getOut().contains("The Messenger listener stopped: FbChatLoginException"));
                assertThat(output.getOut()).contains("check fbchat.password");
                Health down = context.getBean(FbChatHealthIndicator.class).health(true);
                assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                assertThat(down.getDetails()).doesNotContainKey("user");
                assertThat(context.getBean(Session.class).isMade()).isFalse();
                assertThat(starter.driver().stats().failedLogins()).isEqualTo(failedLogins + 1);
            });
        assertThat(output.getOut()).doesNotContain("not-the-password").doesNotContain("Could not connect to Messenger");
        assertThat(Files.readString(cookieFile)).contains("expired");
    }

    private static ApplicationContextRunner runner(Path cookieFile) {
        return starter.runner(cookieFile, FbChatHealthContributorAutoConfiguration.class);
    }
}
