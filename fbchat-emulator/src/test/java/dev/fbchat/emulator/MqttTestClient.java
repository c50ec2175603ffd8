package dev.fbchat.emulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Paho MQTT 3.1 client over WebSocket, set up as Messenger's web client is; collects {@code /t_ms}
 * and, apart, every other topic's frames ({@code /thread_typing}, {@code /orca_presence}, ...).
 */
final class MqttTestClient implements AutoCloseable {

    private final MqttClient client;

    private final BlockingQueue<JsonNode> syncMessages = new LinkedBlockingQueue<>();

    private final Map<String, BlockingQueue<JsonNode>> frames = new ConcurrentHashMap<>();

    private MqttTestClient(MqttClient client) {
        this.client = client;
    }

    /** Connects as {@code userId} with the browser's cookies, asking for {@code usernameTopics} in the username. */
    static MqttTestClient connect(MessengerEmulator emulator, String userId, String cookieHeader,
            List<String> usernameTopics) throws MqttException {
        String uri = "ws://127.0.0.1:" + emulator.port() + "/chat?sid=" + System.nanoTime();
        MqttClient client = new MqttClient(uri, "mqttwsclient", new MemoryPersistence());
        MqttTestClient testClient = new MqttTestClient(client);
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                JsonNode json = BrowserClient.JSON.readTree(new String(message.getPayload(), StandardCharsets.UTF_8));
                if (topic.equals("/t_ms")) {
                    testClient.syncMessages.add(json);
                }
                else {
                    testClient.frames(topic).add(json);
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1);
        options.setCleanSession(true);
        options.setConnectionTimeout(5);
        ObjectNode username = BrowserClient.JSON.createObjectNode();
        username.put("u", userId);
        username.put("s", 123456789L);
        username.put("chat_on", true);
        username.put("fg", false);
        username.put("d", "device");
        username.put("aid", 219994525426954L);
        usernameTopics.forEach(username.putArray("st")::add);
        options.setUserName(username.toString());
        Properties headers = new Properties();
        headers.setProperty("Cookie", cookieHeader);
        options.setCustomWebSocketHeaders(headers);
        client.connect(options);
        return testClient;
    }

    void subscribeToSync() throws MqttException {
        this.client.subscribe("/t_ms", 1);
    }

    void publish(String topic, String json) throws MqttException {
        this.client.publish(topic, json.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** The next {@code /t_ms} message, failing after 5 seconds. */
    JsonNode nextSync() throws InterruptedException {
        JsonNode message = this.syncMessages.poll(5, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no /t_ms message within 5 s");
        }
        return message;
    }

    /** The next {@code /t_ms} message if one comes within {@code millis}. */
    JsonNode pollSync(long millis) throws InterruptedException {
        return this.syncMessages.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The next frame on {@code topic} (not {@code /t_ms}), failing after 5 seconds. */
    JsonNode nextFrame(String topic) throws InterruptedException {
        JsonNode frame = frames(topic).poll(5, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no " + topic + " frame within 5 s");
        }
        return frame;
    }

    /** The next frame on {@code topic} if one comes within {@code millis}. */
    JsonNode pollFrame(String topic, long millis) throws InterruptedException {
        return frames(topic).poll(millis, TimeUnit.MILLISECONDS);
    }

    private BlockingQueue<JsonNode> frames(String topic) {
        return this.frames.computeIfAbsent(topic, name -> new LinkedBlockingQueue<>());
    }

    @Override
    public void close() throws MqttException {
        if (this.client.isConnected()) {
            try {
                this.client.disconnect(1000);
            }
            catch (MqttException ex) {
                // the emulator may have cut the connection a moment ago: Paho is then closing it, or has closed it
                int reason = ex.getReasonCode();
                if (reason != MqttException.REASON_CODE_CLIENT_DISCONNECTING
                        && reason != MqttException.REASON_CODE_CLIENT_ALREADY_DISCONNECTED
                        && reason != MqttException.REASON_CODE_CLIENT_NOT_CONNECTED) {
                    throw ex;
                }
            }
        }
        this.client.close();
    }
}
