package dev.fbchat.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverMessage;
import dev.fbchat.listen.Listener;
import dev.fbchat.test.AutoConfigureFbChatEmulator;
import dev.fbchat.test.Conversation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The echo bot while its connections break: 2,000 messages flow from alice while the MQTT connection is dropped 20
 * times and 10 of the bot's replies lose their HTTP connection (before or after Messenger took them); every message is
 * answered exactly once.
 */
@SpringBootTest(properties = "fbchat.listener.reconnect-initial-delay=50ms")
@AutoConfigureFbChatEmulator
class EchoBotResilienceTests {

    @Autowired
    EmulatorDriver driver;

    @Autowired
    Listener listener;

    @Test
    void answersEveryMessageExactlyOnceThroughTwentyCuts() throws Exception {
        Conversation alice = Conversation.with(this.driver, "alice");
        String bot = this.driver.accounts().get(0).id();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            texts.add("m" + i);
        }
        Conversation.Said first = alice.say("start");
        first.expectReply("start", Duration.ofSeconds(5));

        long reconnectsBefore = this.listener.status().reconnects();
        Thread cutter = new Thread(() -> {
            for (int cut = 0; cut < 20; cut++) {
                pause(100);
                // each cut breaks a live connection
                await().atMost(Duration.ofSeconds(10)).until(this.listener::isConnected);
                this.driver.dropConnections(bot);
                if (cut % 2 == 0) {
                    this.driver.cutHttp("/messaging/send/", 1, cut % 4 == 0);
                }
            }
        }, "cutter");
        cutter.start();
        for (String text : texts) {
            alice.say(text);
        }
        cutter.join(60_000);

        await().atMost(Duration.ofSeconds(60)).until(() -> first.replies().size() >= texts.size() + 1);
        Map<String, Long> answered = this.driver.messages(alice.threadId())
            .stream()
            .filter(message -> message.authorId().equals(bot) && message.timestamp() > first.message().timestamp())
            .map(DriverMessage::text)
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(answered).as("replies by text").hasSize(texts.size() + 1);
        assertThat(answered.values()).as("each text answered once").containsOnly(1L);
        assertThat(answered.keySet()).containsAll(texts);
        assertThat(this.listener.status().reconnects() - reconnectsBefore).as("reconnects").isGreaterThanOrEqualTo(20);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
