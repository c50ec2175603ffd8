package dev.fbchat.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One account listening as Messenger's web client does: logged in, an MQTT connection that
 * subscribes (in its username) to {@code /t_ms} and the topics of typing, presence and friend
 * requests, and a sync queue opened at the account's sequence id. Hands the deltas out one by
 * one, in order, and the other topics' frames apart.
 */
final class DeltaStream implements AutoCloseable {

    static final List<String> TOPICS = List.of("/t_ms", "/thread_typing", "/orca_typing_notifications", "/orca_presence",
            "/legacy_web");

    final Account account;

    final BrowserClient browser;

    final MqttTestClient mqtt;

    private final Deque<JsonNode> pending = new ArrayDeque<>();

    private long lastSequenceId;

    private DeltaStream(Account account, BrowserClient browser, MqttTestClient mqtt) {
        this.account = account;
        this.browser = browser;
        this.mqtt = mqtt;
    }

    /** Logs the account in, connects, and opens a queue after its current sequence id. */
    static DeltaStream open(MessengerEmulator emulator, Account account) throws Exception {
        BrowserClient browser = BrowserClient.loggedIn(emulator, account);
        MqttTestClient mqtt = MqttTestClient.connect(emulator, account.id(), browser.cookieHeader(), TOPICS);
        DeltaStream stream = new DeltaStream(account, browser, mqtt);
        String sequenceId = sequenceId(browser);
        mqtt.publish("/messenger_sync_create_queue", "{\"sync_api_version\":10,\"max_deltas_able_to_process\":1000,"
                + "\"delta_batch_size\":500,\"encoding\":\"JSON\",\"entity_fbid\":\"" + account.id()
                + "\",\"initial_titan_sequence_id\":\"" + sequenceId + "\",\"device_params\":null}");
        JsonNode opened = mqtt.nextSync();
        assertThat(opened.path("syncToken").asString()).isNotEmpty();
        stream.lastSequenceId = Long.parseLong(sequenceId);
        return stream;
    }

    /** The account's last sequence id, as the thread list query gives it ({@code sync_sequence_id}). */
    static String sequenceId(BrowserClient browser) {
        String body = browser.postForm("/api/graphqlbatch/", Map.of("method", "GET", "response_format", "json", "queries",
                "{\"q0\":{\"doc_id\":\"1349387578499440\",\"query_params\":{\"limit\":1,\"tags\":[\"INBOX\"],"
                        + "\"before\":null,\"includeDeliveryReceipts\":false,\"includeSeqID\":true}}}",
                "fb_dtsg", browser.fbDtsg))
            .body();
        return BrowserClient.JSON.readTree(body.split("\r\n")[0])
            .path("q0").path("data").path("viewer").path("message_threads").path("sync_sequence_id").asString();
    }

    String id() {
        return this.account.id();
    }

    /**
     * The next delta on {@code /t_ms}, as it came (a {@code ClientPayload} stays wrapped). Checks
     * that the {@code /t_ms} messages number their deltas without a gap.
     */
    JsonNode next() throws InterruptedException {
        while (this.pending.isEmpty()) {
            JsonNode message = this.mqtt.nextSync();
            assertThat(message.has("deltas")).as("a /t_ms message with deltas: %s", message).isTrue();
            long first = message.path("firstDeltaSeqId").asLong();
            assertThat(first).as("deltas follow each other").isEqualTo(this.lastSequenceId + 1);
            this.lastSequenceId = message.path("lastIssuedSeqId").asLong();
            assertThat(this.lastSequenceId - first + 1).isEqualTo(message.path("deltas").size());
            assertThat(message.path("queueEntityId").asString()).isEqualTo(id());
            message.path("deltas").forEach(this.pending::add);
        }
        return this.pending.poll();
    }

    /** The next delta, which must be of {@code class}. */
    JsonNode next(String deltaClass) throws InterruptedException {
        JsonNode delta = next();
        assertThat(delta.path("class").asString()).as("the class of %s", delta).isEqualTo(deltaClass);
        return delta;
    }

    /** The next delta, a {@code ClientPayload} holding one delta named {@code name}: that inner delta's value. */
    JsonNode nextClientDelta(String name) throws InterruptedException {
        JsonNode inner = clientPayload(next("ClientPayload"));
        assertThat(inner.path("deltas")).hasSize(1);
        JsonNode delta = inner.path("deltas").path(0);
        assertThat(delta.has(name)).as("%s in %s", name, delta).isTrue();
        return delta.path(name);
    }

    /** The next frame on a topic other than {@code /t_ms}. */
    JsonNode nextFrame(String topic) throws InterruptedException {
        return this.mqtt.nextFrame(topic);
    }

    /**
     * Decodes a {@code ClientPayload} delta: {@code payload} is a list of byte values that must
     * be ASCII (Facebook escapes everything else as {@code \\uXXXX}), holding {@code {"deltas":[...]}}.
     */
    static JsonNode clientPayload(JsonNode delta) {
        assertThat(delta.properties().stream().map(Map.Entry::getKey).toList()).containsExactly("payload", "class");
        byte[] bytes = new byte[delta.path("payload").size()];
        for (int i = 0; i < bytes.length; i++) {
            int value = delta.path("payload").path(i).asInt();
            assertThat(value).as("payload bytes are ASCII").isBetween(0, 127);
            bytes[i] = (byte) value;
        }
        return BrowserClient.JSON.readTree(new String(bytes, StandardCharsets.US_ASCII));
    }

    /** The text of a {@code ClientPayload}'s bytes. */
    static String clientPayloadText(JsonNode delta) {
        StringBuilder text = new StringBuilder();
        delta.path("payload").forEach(value -> text.append((char) value.asInt()));
        return text.toString();
    }

    /** Asserts that nothing more came, on any topic, within a short while. */
    void assertQuiet() throws InterruptedException {
        assertThat(this.pending).as("%s has deltas left", this.account.name()).isEmpty();
        assertThat(this.mqtt.pollSync(50)).as("%s got an unexpected /t_ms message", this.account.name()).isNull();
        for (String topic : TOPICS.subList(1, TOPICS.size())) {
            assertThat(this.mqtt.pollFrame(topic, 0)).as("%s got an unexpected %s frame", this.account.name(), topic)
                .isNull();
        }
    }

    @Override
    public void close() throws Exception {
        this.mqtt.close();
    }
}
