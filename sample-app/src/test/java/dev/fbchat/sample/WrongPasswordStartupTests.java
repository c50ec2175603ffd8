package dev.fbchat.sample;

import java.nio.file.Path;

import dev.fbchat.NotLoggedIn;
import dev.fbchat.emulator.MessengerEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bot started with a wrong password: startup fails with Facebook's reason and names the property. */
@ExtendWith(OutputCaptureExtension.class)
class WrongPasswordStartupTests {

    @Test
    void startupFailsWithTheLoginPagesTextAndNamesThePassword(@TempDir Path tempDir, CapturedOutput output) {
        try (MessengerEmulator emulator = MessengerEmulator.start()) {
            assertThatThrownBy(() -> SpringApplication.run(SampleBotApplication.class,
                    "--fbchat.endpoints.base-url=" + emulator.baseUrl(), "--fbchat.email=" + emulator.bot().email(),
                    "--fbchat.password=not-the-password", "--fbchat.cookie-file=" + tempDir.resolve("cookies.json")))
                .hasMessageContaining("fbchat.password")
                .hasRootCauseInstanceOf(NotLoggedIn.class)
                .rootCause()
                .hasMessage("The password you entered is incorrect. Did you forget your password?");

            assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("The password you entered is incorrect.")
                .contains("fbchat.password")
                .doesNotContain("not-the-password");
            assertThat(tempDir.resolve("cookies.json")).doesNotExist();
        }
    }
}
