package dev.fbchat.listen;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.fbchat.ProtocolConstant;
import dev.fbchat.Session;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.internal.HttpTransport;
import dev.fbchat.internal.Ids;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttPingSender;
import org.eclipse.paho.client.mqttv3.internal.ClientComms;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.mqtt.core.Mqttv3ClientManager;
import tools.jackson.databind.node.ObjectNode;

/**
 * One MQTT connection to Messenger: MQTT 3.1 over a WebSocket to {@code edge-chat}, authenticated by the session's
 * cookies (read when the connection opens, so a renewed session is used) and a JSON username with a fresh session id,
 * managed by Spring Integration's {@link Mqttv3ClientManager} on Paho. It never reconnects by itself: the
 * {@link Listener} decides when to open the next one. Once open it subscribes to the topics and reports
 * {@link Callbacks#subscribed}; it records when the server last said anything (a frame or a {@code PINGRESP}), which
 * is what the listener's watchdog reads. Paho's threads are never blocked: frames are handed to the
 * {@link Callbacks} as they come.
 */
final class MqttConnection {

    private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);

    /** The topics the web client subscribes to. */
    static final List<String> TOPICS = List.of("/legacy_web", "/webrtc", "/br_sr", "/sr_res", "/t_ms",
            "/thread_typing", "/orca_typing_notifications", "/notify_disconnect", "/orca_presence", "/inbox",
            "/mercury", "/messaging_events", "/orca_message_notifications", "/pp", "/webrtc_response");

    /** How long opening a connection (WebSocket handshake and CONNACK) may take. */
    static final int CONNECT_TIMEOUT_SECONDS = 15;

    /** How long closing lets in-flight work finish. */
    private static final long QUIESCE_MILLIS = 200;

    /**
     * How long closing waits after writing DISCONNECT. Paho's forcible disconnect completes only at this timeout (the
     * server closing the socket does not end the wait), so it is simply the time a close of a live connection takes;
     * the packet itself leaves at once.
     */
    private static final long DISCONNECT_MILLIS = 300;

    /** Every web client uses this id; the server tells connections apart by session id. */
    private static final String CLIENT_ID = "mqttwsclient";

    /** What a connection reports. Called on Paho's threads: return quickly. */
    interface Callbacks {

        /** Subscribed to the topics: the connection is ready for the queue request. */
        void subscribed(MqttConnection connection);

        /** A message, in the order the server sent them. */
        void frame(MqttConnection connection, String topic, byte[] payload);

        /** The connection broke (or subscribing failed). */
        void lost(MqttConnection connection, Throwable cause);
    }

    private final Callbacks callbacks;

    private final ScheduledExecutorService pingScheduler;

    private final MqttConnectOptions options = new MqttConnectOptions();

    private final ClientManager manager;

    private final AtomicBoolean closed = new AtomicBoolean();

    private volatile boolean subscribed;

    private volatile long lastInboundNanos = System.nanoTime();

    /**
     * A connection, not yet open.
     *
     * @param keepAliveSeconds the MQTT keepalive: a {@code PINGREQ} goes out when the connection has been quiet
     *        this long
     * @param pingScheduler where the keepalive pings are scheduled
     */
    MqttConnection(Session session, boolean chatOn, boolean foreground, int keepAliveSeconds, Callbacks callbacks,
            ScheduledExecutorService pingScheduler) {
        this.callbacks = callbacks;
        this.pingScheduler = pingScheduler;
        this.options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1);
        this.options.setCleanSession(true);
        this.options.setKeepAliveInterval(keepAliveSeconds);
        this.options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        long sessionId = Ids.mqttSessionId();
        URI edgeChat = session.endpoints().edgeChat();
        this.options.setServerURIs(new String[] { edgeChat + (edgeChat.getRawQuery() == null ? "?" : "&") + "sid=" + sessionId });
        this.options.setUserName(username(session, sessionId, chatOn, foreground));
        HttpTransport transport = session.requests().transport();
        Properties headers = new Properties();
        String scheme = "wss".equalsIgnoreCase(edgeChat.getScheme()) ? "https" : "http";
        headers.setProperty("Cookie", transport.cookieHeader(URI.create(scheme + "://" + edgeChat.getRawAuthority() + "/chat")));
        headers.setProperty("User-Agent", transport.userAgent());
        headers.setProperty("Origin", session.endpoints().messenger().toString());
        this.options.setCustomWebSocketHeaders(headers);
        // The manager's constructor recommends automatic reconnect; the listener reconnects by itself, so Paho must not.
        this.options.setAutomaticReconnect(true);
        this.manager = new ClientManager(this.options);
        this.options.setAutomaticReconnect(false);
        this.manager.setQuiescentTimeout(QUIESCE_MILLIS);
        this.manager.setDisconnectCompletionTimeout(DISCONNECT_MILLIS);
    }

    /**
     * Opens the connection (waiting up to {@value #CONNECT_TIMEOUT_SECONDS} s), then subscribes in the background.
     *
     * @throws MqttException how it failed; reason code {@link MqttException#REASON_CODE_NOT_AUTHORIZED} when the
     *         server refused the session
     */
    void open() throws MqttException {
        MqttAsyncClient client = this.manager.connect();
        this.lastInboundNanos = System.nanoTime();
        int[] qos = new int[TOPICS.size()];
        Arrays.fill(qos, 1);
        client.subscribe(TOPICS.toArray(String[]::new), qos, null, new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                MqttConnection.this.lastInboundNanos = System.nanoTime();
                MqttConnection.this.subscribed = true;
                MqttConnection.this.callbacks.subscribed(MqttConnection.this);
            }

            @Override
            public void onFailure(IMqttToken token, @Nullable Throwable failure) {
                MqttConnection.this.callbacks.lost(MqttConnection.this,
                        failure != null ? failure : new MqttException(MqttException.REASON_CODE_UNEXPECTED_ERROR));
            }
        });
    }

    /** Whether the connection is open and subscribed. */
    boolean isSubscribed() {
        return this.subscribed && !this.closed.get() && this.manager.isConnected();
    }

    /** When the server last sent anything: a message, a {@code PINGRESP}, the {@code SUBACK} or the {@code CONNACK}. */
    long lastInboundNanos() {
        return this.lastInboundNanos;
    }

    /** Publishes a message (QoS 1), without waiting; dropped (and logged at debug) when not connected. */
    void publish(String topic, byte[] payload) {
        MqttAsyncClient client = this.manager.client();
        if (client == null || !client.isConnected()) {
            log.debug("Not connected; not publishing to {}", topic);
            return;
        }
        try {
            client.publish(topic, payload, 1, false);
        }
        catch (MqttException ex) {
            log.debug("Could not publish to {}: {}", topic, ex.toString());
        }
    }

    /** Closes the connection politely (DISCONNECT); idempotent; quick (at most about half a second for a live one). */
    void close() {
        if (this.closed.compareAndSet(false, true)) {
            this.manager.stop();
        }
    }

    /** Drops the connection at once, without a word to the server (lost or stalled: nobody listens); idempotent. */
    void abort() {
        if (this.closed.compareAndSet(false, true)) {
            this.manager.abort();
        }
    }

    private static String username(Session session, long sessionId, boolean chatOn, boolean foreground) {
        ObjectNode username = FacebookJson.MAPPER.createObjectNode();
        username.put("u", session.requests().userId());
        username.put("s", sessionId);
        username.put("chat_on", chatOn);
        username.put("fg", foreground);
        username.put("d", session.requests().clientId());
        username.put("aid", Long.parseLong(session.requests().constant(ProtocolConstant.MQTT_APP_ID)));
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

    /** Spring Integration's client manager, taught Messenger's habits: one connection, no automatic reconnect. */
    private final class ClientManager extends Mqttv3ClientManager {

        private volatile @Nullable MqttAsyncClient client;

        ClientManager(MqttConnectOptions options) {
            super(options, CLIENT_ID);
        }

        /** Connects once, with a ping sender that tells the connection about each {@code PINGRESP}. */
        MqttAsyncClient connect() throws MqttException {
            MqttAsyncClient created = new MqttAsyncClient(getUrl(), getClientId(), new MemoryPersistence(),
                    new WatchingPingSender());
            created.setCallback(this);
            this.client = created;
            setClient(created);
            if (MqttConnection.this.closed.get()) {
                throw new MqttException(MqttException.REASON_CODE_CLIENT_CLOSED);
            }
            created.connect(getConnectionInfo()).waitForCompletion(CONNECT_TIMEOUT_SECONDS * 1000L + 1000);
            return created;
        }

        @Nullable MqttAsyncClient client() {
            return this.client;
        }

        @Override
        public void start() {
            throw new UnsupportedOperationException("MqttConnection opens the connection itself");
        }

        @Override
        public void stop() {
            MqttAsyncClient current = this.client;
            if (current == null) {
                return;
            }
            if (current.isConnected()) {
                super.stop(); // DISCONNECT, then close
                return;
            }
            abort();
        }

        void abort() {
            MqttAsyncClient current = this.client;
            if (current == null) {
                return;
            }
            try {
                current.disconnectForcibly(0, 0, false); // drops the socket; stops a connect still under way
            }
            catch (MqttException | RuntimeException ex) {
                log.trace("Stopping an MQTT client that is not connected: {}", ex.toString());
            }
            try {
                current.close(true);
            }
            catch (MqttException | RuntimeException ex) {
                log.trace("Closing an MQTT client: {}", ex.toString());
            }
            setClient(null);
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            // opened by connect(), which subscribes next
        }

        @Override
        public void connectionLost(Throwable cause) {
            MqttConnection.this.callbacks.lost(MqttConnection.this, cause);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            MqttConnection.this.lastInboundNanos = System.nanoTime();
            MqttConnection.this.callbacks.frame(MqttConnection.this, topic, message.getPayload());
        }
    }

    /**
     * Paho's keepalive, as its {@code TimerPingSender} does it, on the listener's scheduler, and with a callback on
     * each {@code PINGRESP}.
     */
    private final class WatchingPingSender implements MqttPingSender {

        private final IMqttActionListener answered = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                MqttConnection.this.lastInboundNanos = System.nanoTime();
            }

            @Override
            public void onFailure(IMqttToken token, @Nullable Throwable failure) {
                // a lost connection is reported by connectionLost
            }
        };

        private volatile @Nullable ClientComms comms;

        private volatile @Nullable ScheduledFuture<?> next;

        @Override
        public void init(ClientComms comms) {
            this.comms = comms;
        }

        @Override
        public void start() {
            ClientComms current = this.comms;
            if (current != null) {
                schedule(current.getKeepAlive());
            }
        }

        @Override
        public void stop() {
            ScheduledFuture<?> scheduled = this.next;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }

        @Override
        public void schedule(long delayInMilliseconds) {
            ClientComms current = this.comms;
            if (current == null || MqttConnection.this.closed.get()) {
                return;
            }
            try {
                this.next = MqttConnection.this.pingScheduler.schedule(() -> {
                    if (!MqttConnection.this.closed.get()) { // a connection being closed is not Paho's to time out
                        current.checkForActivity(this.answered);
                    }
                }, delayInMilliseconds, TimeUnit.MILLISECONDS);
            }
            catch (RejectedExecutionException ex) {
                // the listener stopped
            }
        }
    }
}
