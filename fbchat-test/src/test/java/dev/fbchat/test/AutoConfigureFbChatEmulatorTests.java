package dev.fbchat.test;

import java.time.Duration;

import dev.fbchat.Session;
import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.event.MessageEvent;
import dev.fbchat.spring.FbChatListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bot tested the way a bot author tests: {@code @SpringBootTest} with {@code @AutoConfigureFbChatEmulator}. */
@SpringBootTest(classes = AutoConfigureFbChatEmulatorTests.ShoutBot.class)
@AutoConfigureFbChatEmulator
class AutoConfigureFbChatEmulatorTests {

    @Autowired
    MessengerEmulator emulator;

    @Autowired
    EmulatorDriver driver;

    @Autowired
    Session session;

    @Test
    void theBotLogsInToTheEmulatorAndAnswers() {
        assertThat(this.session.user().id()).isEqualTo(this.emulator.bot().id());
        Conversation alice = Conversation.with(this.driver, "alice");

        assertThat(alice.say("hello").expectReply("HELLO", Duration.ofSeconds(5)).text()).isEqualTo("HELLO");
        alice.say("psst").expectNoReply(Duration.ofMillis(300));
        assertThatThrownBy(() -> alice.say("ping").expectReply("pong", Duration.ofMillis(500)))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("did not reply matching \"pong\"")
            .hasMessageContaining("PING");
    }

    /** Shouts back, except "psst". */
    @SpringBootApplication
    static class ShoutBot {

        @FbChatListener
        String shout(MessageEvent event) {
            return "psst".equals(event.message().text()) ? null : event.message().text().toUpperCase();
        }
    }
}
