package dev.fbchat.emulator;

import java.util.List;

import dev.fbchat.emulator.driver.EmulatorDriver;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The driver API's fault injection, seen by a Paho client and a browser. */
class DriverFaultTests {

    private static final String ALICE_THREAD = "200000000000002";

    private MessengerEmulator emulator;

    private EmulatorDriver driver;

    private Account bot;

    private Account alice;

    @BeforeEach
    void start() {
        this.emulator = MessengerEmulator.start();
        this.driver = new EmulatorDriver(this.emulator.baseUrl());
        this.bot = this.emulator.bot();
        this.alice = this.emulator.accounts().get(1);
    }

    @AfterEach
    void stop() {
        this.emulator.close();
    }

    @Test
    void overflowAnswersTheErrorAndStopsTheQueueAndPublishSendsARawFrame() throws Exception {
        BrowserClient browser = BrowserClient.loggedIn(this.emulator, this.bot);
        try (MqttTestClient mqtt = MqttTestClient.connect(this.emulator, this.bot.id(), browser.cookieHeader(), List.of())) {
            mqtt.subscribeToSync();
            mqtt.publish("/messenger_sync_create_queue", "{\"initial_titan_sequence_id\":\"1000\",\"entity_fbid\":\""
                    + this.bot.id() + "\",\"sync_api_version\":10}");
            assertThat(mqtt.nextSync().has("syncToken")).isTrue();

            assertThat(this.driver.overflowQueues(this.bot.id())).isEqualTo(1);
            assertThat(mqtt.nextSync().path("errorCode").asString()).isEqualTo("ERROR_QUEUE_OVERFLOW");
            this.driver.send(ALICE_THREAD, this.alice.id(), "into the void");
            assertThat(mqtt.pollSync(300)).as("no queue any more").isNull();

            assertThat(this.driver.publishFrame(this.bot.id(), "/orca_presence", "{\"list_type\":\"full\",\"list\":[]}")).isEqualTo(1);
            JsonNode frame = mqtt.nextFrame("/orca_presence");
            assertThat(frame.path("list_type").asString()).isEqualTo("full");
            assertThat(this.driver.publishFrame(this.alice.id(), "/orca_presence", "{}")).as("alice has no connection").isZero();
        }
    }

    @Test
    void endSessionsLogsOutEveryCookieAndCutsAndRefusesTheirConnections() throws Exception {
        BrowserClient browser = BrowserClient.loggedIn(this.emulator, this.bot);
        try (MqttTestClient mqtt = MqttTestClient.connect(this.emulator, this.bot.id(), browser.cookieHeader(), List.of())) {
            assertThat(this.driver.stats().openMqttConnections()).isEqualTo(1);
            assertThat(this.driver.endSessions(this.bot.id())).isEqualTo(1);
            for (int i = 0; i < 100 && this.driver.stats().openMqttConnections() > 0; i++) {
                java.lang.Thread.sleep(20); // the connection closes on the emulator's event loop
            }
            assertThat(this.driver.stats().openMqttConnections()).isZero();
        }
        assertThatExceptionOfType(MqttException.class)
            .isThrownBy(() -> MqttTestClient.connect(this.emulator, this.bot.id(), browser.cookieHeader(), List.of()))
            .satisfies(ex -> assertThat(ex.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
        BrowserClient again = BrowserClient.loggedIn(this.emulator, this.bot);
        MqttTestClient.connect(this.emulator, this.bot.id(), again.cookieHeader(), List.of()).close();
    }

    @Test
    void dropAndStallReachOnlyOpenConnectionsAndBadRequestsAreRefused() throws Exception {
        assertThat(this.driver.dropConnections(null)).isZero();
        BrowserClient browser = BrowserClient.loggedIn(this.emulator, this.bot);
        try (MqttTestClient mqtt = MqttTestClient.connect(this.emulator, this.bot.id(), browser.cookieHeader(), List.of())) {
            mqtt.subscribeToSync();
            mqtt.publish("/messenger_sync_create_queue", "{\"initial_titan_sequence_id\":\"1000\"}");
            assertThat(mqtt.nextSync().has("syncToken")).isTrue();
            assertThat(this.driver.stallConnections(this.alice.id())).isZero();
            assertThat(this.driver.stallConnections(this.bot.id())).isEqualTo(1);
            this.driver.send(ALICE_THREAD, this.alice.id(), "unheard");
            assertThat(mqtt.pollSync(300)).as("a stalled connection sends nothing").isNull();
            assertThat(this.driver.dropConnections(null)).isEqualTo(1);
        }
        assertThatIllegalStateException().isThrownBy(() -> this.driver.stallConnections("999")).withMessageContaining("404");
        assertThatIllegalStateException().isThrownBy(() -> this.driver.publishFrame(this.bot.id(), "", "{}"))
            .withMessageContaining("400");
    }
}
