package dev.fbchat.spring.boot.autoconfigure;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application stopped right after it started, while its listener still connects in the background, stops quietly:
 * the listener's refused work is not reported as a failure to connect, and no retry is scheduled.
 */
@ExtendWith(OutputCaptureExtension.class)
class FbChatStopWhileConnectingTests {

    @RegisterExtension
    static final StarterFixture starter = new StarterFixture();

    @TempDir
    Path cookies;

    @Test
    void stoppingWhileConnectingLogsNoConnectionFailure(CapturedOutput output) {
        for (int i = 0; i < 10; i++) {
            // the runner closes the context as soon as it has started
            starter.runner(this.cookies.resolve("cookies.json")).run((context) -> assertThat(context).hasNotFailed());
        }
        assertThat(output).doesNotContain("Could not connect to Messenger");
    }
}
