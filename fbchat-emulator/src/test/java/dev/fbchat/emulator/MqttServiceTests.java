package dev.fbchat.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import dev.fbchat.emulator.driver.EmulatorDriver;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The MQTT-over-WebSocket service, driven by Paho: authentication, sync queues, deltas. */
class MqttServiceTests {

    private static final String ALICE_THREAD = "200000000000002";

    private static final String GROUP = "300000000000001";

    private MessengerEmulator emulator;

    private EmulatorDriver driver;

    private Account bot;

    private Account alice;

    private BrowserClient browser;

    @BeforeEach
    void start() {
        this.emulator = MessengerEmulator.start();
        this.driver = new EmulatorDriver(this.emulator.baseUrl());
        this.bot = this.emulator.bot();
        this.alice = this.emulator.accounts().get(1);
        this.browser = BrowserClient.loggedIn(this.emulator, this.bot);
    }

    @AfterEach
    void stop() {
        this.emulator.close();
    }

    @Test
    void refusesConnectionsWithoutALiveSession() {
        assertThatExceptionOfType(MqttException.class)
            .isThrownBy(() -> MqttTestClient.connect(this.emulator, this.bot.id(), "c_user=" + this.bot.id() + "; xs=forged", List.of()))
            .satisfies(ex -> assertThat(ex.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
        assertThatExceptionOfType(MqttException.class)
            .as("the username names another account than the cookies")
            .isThrownBy(() -> MqttTestClient.connect(this.emulator, this.alice.id(), this.browser.cookieHeader(), List.of()))
            .satisfies(ex -> assertThat(ex.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
        assertThat(this.driver.stats().openMqttConnections()).isZero();
    }

    @Test
    void createQueueSendsTheBacklogThenEachNewDelta() throws Exception {
        this.driver.send(ALICE_THREAD, this.alice.id(), "before");
        try (MqttTestClient mqtt = MqttTestClient.connect(this.emulator, this.bot.id(), this.browser.cookieHeader(), List.of())) {
            mqtt.subscribeToSync();
            mqtt.publish("/messenger_sync_create_queue", createQueue("1000"));

            JsonNode opened = mqtt.nextSync();
            assertThat(opened.path("syncToken").asString()).isNotEmpty();
            assertThat(opened.path("firstDeltaSeqId").asLong()).isEqualTo(1001);
            assertThat(opened.path("queueEntityId").asString()).isEqualTo(this.bot.id());
            JsonNode backlog = mqtt.nextSync();
            assertThat(backlog.path("firstDeltaSeqId").asLong()).isEqualTo(1001);
            assertThat(backlog.path("lastIssuedSeqId").asLong()).isEqualTo(1001);
            JsonNode before = backlog.path("deltas").path(0);
            assertThat(before.path("class").asString()).isEqualTo("NewMessage");
            assertThat(before.path("body").asString()).isEqualTo("before");
            assertThat(before.path("irisSeqId").asString()).isEqualTo("1001");
            assertThat(before.path("messageMetadata").path("actorFbId").asString()).isEqualTo(this.alice.id());
            assertThat(before.path("messageMetadata").path("threadKey").path("otherUserFbId").asString()).isEqualTo(this.alice.id());

            this.driver.send(GROUP, this.alice.id(), "to everyone");
            JsonNode group = mqtt.nextSync().path("deltas").path(0);
            assertThat(group.path("irisSeqId").asString()).isEqualTo("1002");
            assertThat(group.path("messageMetadata").path("threadKey").path("threadFbId").asString()).isEqualTo(GROUP);

            this.browser.api("/messaging/send/", Map.of("action_type", "ma-type:user-generated-message", "author",
                    "fbid:" + this.bot.id(), "body", "own", "other_user_fbid", this.alice.id(), "offline_threading_id",
                    "1234"));
            JsonNode own = mqtt.nextSync().path("deltas").path(0);
            assertThat(own.path("body").asString()).isEqualTo("own");
            assertThat(own.path("messageMetadata").path("actorFbId").asString()).isEqualTo(this.bot.id());
            assertThat(own.path("messageMetadata").path("offlineThreadingId").asString()).isEqualTo("1234");
            assertThat(own.path("messageMetadata").path("threadKey").path("otherUserFbId").asString())
                .as("a one-to-one thread is named by the other person, even for one's own message")
                .isEqualTo(this.alice.id());
        }
    }

    @Test
    void getDiffsResumesAnOpenQueueAfterAReconnect() throws Exception {
        String token;
        try (MqttTestClient first = MqttTestClient.connect(this.emulator, this.bot.id(), this.browser.cookieHeader(), List.of("/t_ms"))) {
            first.publish("/messenger_sync_create_queue", createQueue("1000"));
            token = first.nextSync().path("syncToken").asString();
        }
        this.driver.send(ALICE_THREAD, this.alice.id(), "missed one");
        this.driver.send(ALICE_THREAD, this.alice.id(), "missed two");

        try (MqttTestClient second = MqttTestClient.connect(this.emulator, this.bot.id(), this.browser.cookieHeader(), List.of("/t_ms"))) {
            second.publish("/messenger_sync_get_diffs", "{\"last_seq_id\":\"1001\",\"sync_token\":\"" + token + "\"}");
            JsonNode diffs = second.nextSync();
            assertThat(diffs.path("deltas")).hasSize(1);
            assertThat(diffs.path("deltas").path(0).path("body").asString()).isEqualTo("missed two");

            second.publish("/messenger_sync_get_diffs", "{\"last_seq_id\":\"1001\",\"sync_token\":\"never-issued\"}");
            assertThat(second.nextSync().path("errorCode").asString()).isEqualTo("ERROR_QUEUE_NOT_FOUND");
        }
    }

    @Test
    void deltasFlowOnlyOnceSubscribedAndAQueueIsOpen() throws Exception {
        try (MqttTestClient mqtt = MqttTestClient.connect(this.emulator, this.bot.id(), this.browser.cookieHeader(), List.of())) {
            mqtt.publish("/messenger_sync_create_queue", createQueue("1000"));
            this.driver.send(ALICE_THREAD, this.alice.id(), "not subscribed");
            assertThat(mqtt.pollSync(300)).as("no /t_ms subscription yet").isNull();
        }
        try (MqttTestClient mqtt = MqttTestClient.connect(this.emulator, this.bot.id(), this.browser.cookieHeader(), List.of())) {
            mqtt.subscribeToSync();
            this.driver.send(ALICE_THREAD, this.alice.id(), "no queue");
            assertThat(mqtt.pollSync(300)).as("no queue opened yet").isNull();

            mqtt.publish("/messenger_sync_create_queue", createQueue("1002"));
            assertThat(mqtt.nextSync().path("firstDeltaSeqId").asLong()).isEqualTo(1003);
            this.driver.send(ALICE_THREAD, this.alice.id(), "now");
            JsonNode now = mqtt.nextSync();
            assertThat(now.path("deltas")).hasSize(1);
            assertThat(now.path("deltas").path(0).path("body").asString()).isEqualTo("now");
            assertThat(now.path("lastIssuedSeqId").asLong()).isEqualTo(1003);
        }
    }

    @Test
    void countsOpenConnections() throws Exception {
        MqttTestClient mqtt = MqttTestClient.connect(this.emulator, this.bot.id(), this.browser.cookieHeader(), List.of());
        assertThat(this.driver.stats().openMqttConnections()).isEqualTo(1);

        mqtt.close();

        awaitZero(() -> this.driver.stats().openMqttConnections());
    }

    private static void awaitZero(IntSupplier value) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (value.getAsInt() != 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(value.getAsInt()).isZero();
    }

    private String createQueue(String sequenceId) {
        return "{\"sync_api_version\":10,\"max_deltas_able_to_process\":1000,\"delta_batch_size\":500,"
                + "\"encoding\":\"JSON\",\"entity_fbid\":\"" + this.bot.id() + "\",\"initial_titan_sequence_id\":\""
                + sequenceId + "\",\"device_params\":null}";
    }
}
