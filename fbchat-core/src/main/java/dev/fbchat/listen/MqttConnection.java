package dev.fbchat.listen;

import java.net.URI;
import java.util.List;
import java.util.Properties;

import dev.fbchat.ProtocolConstant;
import dev.fbchat.Session;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.internal.HttpTransport;
import dev.fbchat.internal.Ids;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttAsyncClient;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.mqtt.core.Mqttv3ClientManager;
import tools.jackson.databind.node.ObjectNode;

/**
 * Messenger's MQTT connection: MQTT 3.1 over a WebSocket to {@code edge-chat}, authenticated by
 * the session's cookies and a JSON username, managed by Spring Integration's
 * {@link Mqttv3ClientManager} on Paho. Each (re)connection gets a fresh session id, subscribes
 * to the topics, and when subscribed publishes the sync-queue request. Paho's callback thread
 * is never blocked: frames are handed to the {@link Callbacks} as they come.
 */
final class MqttConnection {

    private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);

    /** The topics the web client subscribes to. */
    static final List<String> TOPICS = List.of("/legacy_web", "/webrtc", "/br_sr", "/sr_res", "/t_ms",
            "/thread_typing", "/orca_typing_notifications", "/notify_disconnect", "/orca_presence", "/inbox",
            "/mercury", "/messaging_events", "/orca_message_notifications", "/pp", "/webrtc_response");

    /** Facebook's application id of the Messenger web client. */
    /** How long stopping lets in-flight work finish. */
    private static final long QUIESCE_MILLIS = 200;

    /**
     * How long stopping waits after writing DISCONNECT. Paho's forcible disconnect completes
     * only at this timeout (the server closing the socket does not end the wait), so it is
     * simply the time a stop takes; the packet itself leaves at once.
     */
    private static final long DISCONNECT_MILLIS = 300;

    /** Every web client uses this id; the server tells connections apart by session id. */
    private static final String CLIENT_ID = "mqttwsclient";

    /** What the connection reports. Called on Paho's threads: return quickly. */
    interface Callbacks {

        /** Subscribed after a (re)connect: the queue request is published next. */
        SyncState.Publication connected(boolean reconnect);

        void frame(String topic, byte[] payload);

        void lost(Throwable cause);
    }

    private final Session session;

    private final boolean chatOn;

    private final boolean foreground;

    private final Callbacks callbacks;

    private final MqttConnectOptions options = new MqttConnectOptions();

    private final ClientManager manager;

    MqttConnection(Session session, boolean chatOn, boolean foreground, Callbacks callbacks) {
        this.session = session;
        this.chatOn = chatOn;
        this.foreground = foreground;
        this.callbacks = callbacks;
        this.options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1);
        this.options.setCleanSession(true);
        this.options.setKeepAliveInterval(10);
        this.options.setConnectionTimeout(30);
        this.options.setAutomaticReconnect(true);
        this.options.setMaxReconnectDelay(30_000);
        renewSessionId();
        this.manager = new ClientManager(this.options);
        this.manager.setPersistence(new MemoryPersistence());
        // Stopping must not wait for a server that is gone: let in-flight work finish briefly, then drop the socket.
        this.manager.setQuiescentTimeout(QUIESCE_MILLIS);
        this.manager.setDisconnectCompletionTimeout(DISCONNECT_MILLIS);
    }

    /** Connects (waiting up to the connection timeout); on failure Paho keeps retrying in the background. */
    void start() {
        this.manager.start();
    }

    boolean isConnected() {
        return this.manager.isConnected();
    }

    /** Publishes a message (QoS 1), without waiting. */
    void publish(SyncState.Publication publication) {
        IMqttAsyncClient client = this.manager.getClient();
        if (client == null || !client.isConnected()) {
            log.debug("Not connected; {} will be sent after the next connect", publication.topic());
            return;
        }
        try {
            client.publish(publication.topic(), publication.bytes(), 1, false);
        }
        catch (MqttException ex) {
            log.warn("Could not publish to {}: {}", publication.topic(), ex.toString());
        }
    }

    void stop() {
        this.manager.stop();
    }

    /** A fresh MQTT session id in the URI and username, fresh cookies in the headers. */
    private void renewSessionId() {
        long sessionId = Ids.mqttSessionId();
        URI edgeChat = this.session.endpoints().edgeChat();
        this.options.setServerURIs(new String[] { edgeChat + (edgeChat.getRawQuery() == null ? "?" : "&") + "sid=" + sessionId });
        this.options.setUserName(username(sessionId));
        HttpTransport transport = this.session.requests().transport();
        Properties headers = new Properties();
        String scheme = "wss".equalsIgnoreCase(edgeChat.getScheme()) ? "https" : "http";
        headers.setProperty("Cookie", transport.cookieHeader(URI.create(scheme + "://" + edgeChat.getRawAuthority() + "/chat")));
        headers.setProperty("User-Agent", transport.userAgent());
        headers.setProperty("Origin", this.session.endpoints().messenger().toString());
        this.options.setCustomWebSocketHeaders(headers);
    }

    private String username(long sessionId) {
        ObjectNode username = FacebookJson.MAPPER.createObjectNode();
        username.put("u", this.session.requests().userId());
        username.put("s", sessionId);
        username.put("chat_on", this.chatOn);
        username.put("fg", this.foreground);
        username.put("d", this.session.requests().clientId());
        username.put("aid", Long.parseLong(this.session.requests().constant(ProtocolConstant.MQTT_APP_ID)));
        username.putArray("st"); // topics are sent as SUBSCRIBE packets, which any MQTT broker understands
        username.putArray("pm");
        username.put("cp", 3);
        username.put("ecp", 10);
        username.put("ct", "websocket");
        username.put("mqtt_sid", "");
        username.put("dc", "");
        username.put("no_auto_fg", true);
        username.putNull("gas");
        username.putArray("pack");
        return FacebookJson.MAPPER.writeValueAsString(username);
    }

    private void subscribeThenRequestQueue(IMqttAsyncClient client, boolean reconnect) {
        int[] qos = new int[TOPICS.size()];
        java.util.Arrays.fill(qos, 1);
        try {
            client.subscribe(TOPICS.toArray(String[]::new), qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    publish(MqttConnection.this.callbacks.connected(reconnect));
                }

                @Override
                public void onFailure(IMqttToken token, @Nullable Throwable failure) {
                    log.warn("Subscribing to Messenger's topics failed: {}", String.valueOf(failure));
                }
            });
        }
        catch (MqttException ex) {
            log.warn("Subscribing to Messenger's topics failed: {}", ex.toString());
        }
    }

    /** Spring Integration's client manager, taught Messenger's habits. */
    private final class ClientManager extends Mqttv3ClientManager {

        ClientManager(MqttConnectOptions options) {
            super(options, CLIENT_ID);
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            super.connectComplete(reconnect, serverURI);
            IMqttAsyncClient client = getClient();
            if (client != null) {
                subscribeThenRequestQueue(client, reconnect);
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            // Paho reconnects with these options: a new session id, as the web client does.
            renewSessionId();
            MqttConnection.this.callbacks.lost(cause);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            MqttConnection.this.callbacks.frame(topic, message.getPayload());
        }
    }
}
