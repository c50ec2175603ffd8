package dev.fbchat.sample;

import java.time.Duration;
import java.util.List;

import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.test.AutoConfigureFbChatEmulator;
import dev.fbchat.test.Conversation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The remove bot, tested with the public test support only. */
@SpringBootTest(properties = "sample.bot=removebot")
@AutoConfigureFbChatEmulator
class RemoveBotTests {

    @Autowired
    EmulatorDriver driver;

    @Test
    void removesWhoeverAsksAndNobodyElse() {
        String bot = this.driver.accounts().get(0).id();
        String alice = this.driver.accounts().get(1).id();
        String bob = this.driver.accounts().get(2).id();
        String group = this.driver.createGroup("Leaving", List.of(bot, alice, bob)).id();

        Conversation.in(this.driver, group, "bob").say("I stay");
        Conversation.in(this.driver, group, "alice").say("Remove me!");

        await().atMost(Duration.ofSeconds(5)).until(() -> !this.driver.thread(group).participants().contains(alice));
        assertThat(this.driver.thread(group).participants()).containsExactlyInAnyOrder(bot, bob);
    }
}
