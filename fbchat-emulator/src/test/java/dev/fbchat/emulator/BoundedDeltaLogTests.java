package dev.fbchat.emulator;

import java.util.List;

import dev.fbchat.emulator.driver.EmulatorDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An emulator whose accounts keep only their newest five deltas: a queue that asks for older ones
 * gets {@code ERROR_QUEUE_OVERFLOW}, as Facebook answers a client that fell too far behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundedDeltaLogTests {

    private static final String ALICE_THREAD = "200000000000002";

    private MessengerEmulator emulator;

    private Account bot;

    private BrowserClient browser;

    @BeforeAll
    void start() {
        this.emulator = MessengerEmulator.start(MessengerEmulator.Options.defaults().withMaxDeltasPerAccount(5));
        this.bot = this.emulator.bot();
        this.browser = BrowserClient.loggedIn(this.emulator, this.bot);
        EmulatorDriver driver = new EmulatorDriver(this.emulator.baseUrl());
        for (int i = 1; i <= 7; i++) {
            driver.send(ALICE_THREAD, this.emulator.accounts().get(1).id(), "message " + i);
        }
    }

    @AfterAll
    void stop() {
        this.emulator.close();
    }

    @Test
    void theSequenceIdStillCountsEveryDelta() {
        assertThat(DeltaStream.sequenceId(this.browser)).isEqualTo("1007");
    }

    @Test
    void aQueueAfterAKeptSequenceIdGetsTheKeptDeltas() throws Exception {
        try (MqttTestClient mqtt = connect()) {
            mqtt.publish("/messenger_sync_create_queue", createQueue("1002"));
            String token = mqtt.nextSync().path("syncToken").asString();
            JsonNode backlog = mqtt.nextSync();
            assertThat(backlog.path("firstDeltaSeqId").asLong()).isEqualTo(1003);
            assertThat(backlog.path("lastIssuedSeqId").asLong()).isEqualTo(1007);
            assertThat(backlog.path("deltas").findValuesAsString("body")).containsExactly("message 3", "message 4",
                    "message 5", "message 6", "message 7");

            mqtt.publish("/messenger_sync_get_diffs", getDiffs("1005", token));
            JsonNode diffs = mqtt.nextSync();
            assertThat(diffs.path("firstDeltaSeqId").asLong()).isEqualTo(1006);
            assertThat(diffs.path("deltas")).hasSize(2);
        }
    }

    @Test
    void olderSequenceIdsOverflow() throws Exception {
        try (MqttTestClient mqtt = connect()) {
            mqtt.publish("/messenger_sync_create_queue", createQueue("1007"));
            String token = mqtt.nextSync().path("syncToken").asString();

            mqtt.publish("/messenger_sync_get_diffs", getDiffs("1001", token));
            assertThat(mqtt.nextSync().toString()).isEqualTo("{\"errorCode\":\"ERROR_QUEUE_OVERFLOW\"}");

            mqtt.publish("/messenger_sync_create_queue", createQueue("1000"));
            assertThat(mqtt.nextSync().path("errorCode").asString()).as("no queue, no token")
                .isEqualTo("ERROR_QUEUE_OVERFLOW");
            assertThat(mqtt.pollSync(200)).isNull();
        }
    }

    private MqttTestClient connect() throws Exception {
        return MqttTestClient.connect(this.emulator, this.bot.id(), this.browser.cookieHeader(), List.of("/t_ms"));
    }

    private String createQueue(String sequenceId) {
        return "{\"sync_api_version\":10,\"max_deltas_able_to_process\":1000,\"delta_batch_size\":500,"
                + "\"encoding\":\"JSON\",\"entity_fbid\":\"" + this.bot.id() + "\",\"initial_titan_sequence_id\":\""
                + sequenceId + "\",\"device_params\":null}";
    }

    private String getDiffs(String sequenceId, String token) {
        return "{\"sync_api_version\":10,\"max_deltas_able_to_process\":1000,\"delta_batch_size\":500,"
                + "\"encoding\":\"JSON\",\"entity_fbid\":\"" + this.bot.id() + "\",\"last_seq_id\":\"" + sequenceId
                + "\",\"sync_token\":\"" + token + "\"}";
    }
}
