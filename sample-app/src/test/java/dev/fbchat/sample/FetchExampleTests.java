package dev.fbchat.sample;

import dev.fbchat.test.AutoConfigureFbChatEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The fetch example, tested with the public test support only: it logs what the seeded account holds. */
@SpringBootTest(properties = { "sample.bot=fetch", "fbchat.listener.enabled=false" })
@AutoConfigureFbChatEmulator
@ExtendWith(OutputCaptureExtension.class)
class FetchExampleTests {

    @Test
    void logsUsersThreadsAndMessages(CapturedOutput output) {
        assertThat(output).contains("Users' names: [").contains("Grace Hopper")
            .contains("Threads: [")
            .contains("Latest messages of ");
    }
}
