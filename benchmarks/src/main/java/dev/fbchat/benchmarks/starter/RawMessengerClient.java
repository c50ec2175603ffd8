package dev.fbchat.benchmarks.starter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import dev.fbchat.ProtocolConstant;
import dev.fbchat.Session;
import dev.fbchat.internal.GraphQLBatch;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The baseline the benchmarks measure the starter against: a bare Eclipse Paho client, logged in with a
 * {@link Session}'s cookies, that opens Messenger's sync queue on {@code /t_ms} and hands each frame's bytes to a
 * callback on Paho's thread, with no parsing, no events and no dispatch.
 */
final class RawMessengerClient implements AutoCloseable {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final byte[] LAST_ISSUED = "\"lastIssuedSeqId\":".getBytes(StandardCharsets.US_ASCII);

    private final MqttAsyncClient client;

    private RawMessengerClient(MqttAsyncClient client) {
        this.client = client;
    }

    /**
     * Connects as {@code session}'s account, subscribes to {@code /t_ms} and asks for the deltas after
     * {@code afterSequenceId}; {@code frames} gets every {@code /t_ms} frame from then on.
     */
    static RawMessengerClient open(Session session, long afterSequenceId, BiConsumer<String, byte[]> frames)
            throws MqttException {
        long sessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE >> 12);
        String edgeChat = session.endpoints().edgeChat().toString();
        MqttAsyncClient client = new MqttAsyncClient(edgeChat + "?sid=" + sessionId, "mqttwsclient",
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1);
        options.setCleanSession(true);
        options.setKeepAliveInterval(60);
        ObjectNode username = MAPPER.createObjectNode()
            .put("u", session.requests().userId())
            .put("s", sessionId)
            .put("chat_on", true)
            .put("fg", true)
            .put("d", session.requests().clientId())
            .put("ct", "websocket");
        options.setUserName(MAPPER.writeValueAsString(username));
        Properties headers = new Properties();
        headers.setProperty("Cookie", cookieHeader(session.getCookies()));
        headers.setProperty("Origin", session.endpoints().messenger().toString());
        options.setCustomWebSocketHeaders(headers);
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                frames.accept(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.connect(options).waitForCompletion(10_000);
        client.subscribe("/t_ms", 0).waitForCompletion(10_000);
        ObjectNode queue = MAPPER.createObjectNode()
            .put("initial_titan_sequence_id", Long.toString(afterSequenceId))
            .put("delta_batch_size", 500)
            .put("sync_api_version", 10);
        client.publish("/messenger_sync_create_queue", MAPPER.writeValueAsBytes(queue), 1, false)
            .waitForCompletion(10_000);
        return new RawMessengerClient(client);
    }

    /** The account's sync sequence id now, as Messenger's web client asks GraphQL for it. */
    static long currentSequenceId(Session session) {
        ObjectNode params = MAPPER.createObjectNode()
            .put("limit", 0)
            .putNull("before")
            .put("includeDeliveryReceipts", false)
            .put("includeSeqID", true);
        params.putArray("tags").add("INBOX");
        List<@Nullable JsonNode> answers = session.requests()
            .graphqlReads(List.of(GraphQLBatch.fromDocId(
                    session.requests().constant(ProtocolConstant.THREAD_LIST_DOC_ID), params)));
        JsonNode answer = answers.get(0);
        if (answer == null) {
            throw new IllegalStateException("no answer to the sequence id query");
        }
        return Long.parseLong(answer.path("viewer").path("message_threads").path("sync_sequence_id").asString());
    }

    /**
     * The {@code lastIssuedSeqId} of a delta batch, found by scanning its last bytes (where Messenger writes it), or
     * {@code -1}: the one look at a frame a bare client needs to know how far it got.
     */
    static long lastIssuedSequenceId(byte[] frame) {
        for (int at = frame.length - LAST_ISSUED.length; at >= Math.max(0, frame.length - 256); at--) {
            if (matches(frame, at)) {
                long value = 0;
                for (int i = at + LAST_ISSUED.length; i < frame.length && Character.isDigit(frame[i]); i++) {
                    value = value * 10 + (frame[i] - '0');
                }
                return value;
            }
        }
        return -1;
    }

    private static boolean matches(byte[] frame, int at) {
        for (int i = 0; i < LAST_ISSUED.length; i++) {
            if (frame[at + i] != LAST_ISSUED[i]) {
                return false;
            }
        }
        return true;
    }

    private static String cookieHeader(Map<String, String> cookies) {
        return cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "));
    }

    @Override
    public void close() throws MqttException {
        this.client.disconnectForcibly(100, 100);
        this.client.close();
    }
}
