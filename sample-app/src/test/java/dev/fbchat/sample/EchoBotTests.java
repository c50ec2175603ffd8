package dev.fbchat.sample;

import java.time.Duration;

import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.test.AutoConfigureFbChatEmulator;
import dev.fbchat.test.Conversation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The echo bot, tested with the public test support only: a conversation with alice. */
@SpringBootTest
@AutoConfigureFbChatEmulator
class EchoBotTests {

    @Autowired
    EmulatorDriver driver;

    @Test
    void echoesWhatAliceSaysAndNotItsOwnMessages() {
        Conversation alice = Conversation.with(this.driver, "alice");

        Conversation.Said hello = alice.say("hello");
        hello.expectReply("hello", Duration.ofSeconds(5));
        alice.say("bye").expectReply("bye", Duration.ofSeconds(5));

        // had the bot answered its own "hello", a third reply would stand between them
        assertThat(hello.replies()).containsExactly("hello", "bye");
    }
}
