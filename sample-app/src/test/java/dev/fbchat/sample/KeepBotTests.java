package dev.fbchat.sample;

import java.time.Duration;
import java.util.List;

import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.test.AutoConfigureFbChatEmulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The "prevent changes" bot, tested with the public test support only, on the emulator's seeded group. */
@SpringBootTest(properties = { "sample.bot=keepbot", "sample.keep.thread-id=" + KeepBotTests.GROUP,
        "sample.keep.title=Keep out", "sample.keep.color=#0084ff" })
@AutoConfigureFbChatEmulator
class KeepBotTests {

    /** A seeded group of the bot (its administrator), alice, bob and carol. */
    static final String GROUP = "300000000000001";

    @Autowired
    EmulatorDriver driver;

    @Test
    void undoesWhatOthersChange() {
        String alice = this.driver.accounts().get(1).id();
        String dave = this.driver.accounts().stream().filter(a -> a.name().startsWith("Dave")).findFirst().orElseThrow().id();

        this.driver.setTitle(GROUP, alice, "Taken over");
        await().atMost(Duration.ofSeconds(5)).until(() -> "Keep out".equals(this.driver.thread(GROUP).name()));

        this.driver.setColor(GROUP, alice, "#fa3c4c");
        await().atMost(Duration.ofSeconds(5)).until(() -> this.driver.thread(GROUP).color() == null);

        this.driver.addParticipants(GROUP, alice, List.of(dave));
        await().atMost(Duration.ofSeconds(5)).until(() -> !this.driver.thread(GROUP).participants().contains(dave));

        String bob = this.driver.accounts().get(2).id();
        this.driver.removeParticipant(GROUP, alice, bob);
        await().atMost(Duration.ofSeconds(5)).until(() -> this.driver.thread(GROUP).participants().contains(bob));
        assertThat(this.driver.thread(GROUP).name()).isEqualTo("Keep out");
    }
}
