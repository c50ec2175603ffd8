package dev.fbchat.sample;

import java.time.Duration;
import java.util.Optional;

import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverMessage;
import dev.fbchat.listen.Listener;
import dev.fbchat.spring.boot.autoconfigure.emulator.EmbeddedEmulatorInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample bot, started as a user starts it (no credentials: embedded emulator), answers
 * alice over real HTTP and real MQTT over WebSocket.
 */
@SpringBootTest(properties = { "fbchat.emulator.port=0", "fbchat.cookie-file=target/echo-bot-test-cookies.json" })
class EchoBotEndToEndTests {

    @Autowired
    MessengerEmulator emulator;

    @Autowired
    Listener listener;

    @Test
    void aliceSaysHelloAndTheBotSaysHelloBackWithinFiveSeconds() {
        EmulatorDriver driver = new EmulatorDriver(this.emulator.baseUrl());
        String alice = this.emulator.accounts().stream().filter(a -> a.name().toLowerCase().startsWith("alice"))
            .findFirst().orElseThrow().id();
        String bot = this.emulator.bot().id();
        // the listener connects in the background: a message sent before would not reach it
        await().atMost(Duration.ofSeconds(10)).until(this.listener::isConnected);

        DriverMessage hello = driver.send(EmbeddedEmulatorInitializer.ALICE_THREAD, alice, "hello");

        Optional<DriverMessage> reply = driver.awaitMessage(EmbeddedEmulatorInitializer.ALICE_THREAD,
                m -> m.authorId().equals(bot) && m.timestamp() >= hello.timestamp(), Duration.ofSeconds(5));
        assertThat(reply).as("the bot's answer").isPresent();
        assertThat(reply.get().text()).isEqualTo("hello");

        // The bot's own "hello" comes back to it over MQTT too; it must not answer itself. Deltas
        // arrive in order, so once "bye" is answered, any answer to its own "hello" would be there.
        driver.send(EmbeddedEmulatorInitializer.ALICE_THREAD, alice, "bye");
        assertThat(driver.awaitMessage(EmbeddedEmulatorInitializer.ALICE_THREAD,
                m -> m.authorId().equals(bot) && m.text().equals("bye"), Duration.ofSeconds(5))).isPresent();
        assertThat(driver.messages(EmbeddedEmulatorInitializer.ALICE_THREAD))
            .filteredOn(m -> m.authorId().equals(bot) && m.timestamp() >= hello.timestamp())
            .extracting(DriverMessage::text).containsExactly("hello", "bye");
    }
}
