package dev.fbchat.emulator.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.fbchat.emulator.world.Delta;
import dev.fbchat.emulator.world.DeltaLog;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.LoginSession;
import dev.fbchat.emulator.world.World;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One MQTT connection of one account: authenticates {@code CONNECT} by the handshake's
 * cookies and the JSON username, keeps the subscriptions, and runs the sync queue that
 * publishes the account's deltas on {@code /t_ms}.
 */
final class MqttSessionHandler extends SimpleChannelInboundHandler<MqttMessage> {

    private static final Logger log = LoggerFactory.getLogger(MqttSessionHandler.class);

    static final String SYNC_TOPIC = "/t_ms";

    static final String CREATE_QUEUE_TOPIC = "/messenger_sync_create_queue";

    static final String GET_DIFFS_TOPIC = "/messenger_sync_get_diffs";

    /** At most this many deltas go in one {@code /t_ms} message (the queue's {@code delta_batch_size}). */
    static final int DELTA_BATCH_SIZE = 500;

    private final World world;

    private final Map<String, String> handshakeCookies;

    /** Read by the threads that deliver deltas, hence concurrent. */
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();

    private @Nullable String accountId;

    private @Nullable AutoCloseable syncQueue;

    /** The connection's registration for the topics outside the sync queue (typing, presence, ...). */
    private @Nullable AutoCloseable topics;

    MqttSessionHandler(World world, Map<String, String> handshakeCookies) {
        this.world = world;
        this.handshakeCookies = Map.copyOf(handshakeCookies);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
        if (message.decoderResult().isFailure()) {
            log.debug("Closing an MQTT connection that sent a malformed packet: {}", message.decoderResult().cause().toString());
            ctx.close();
            return;
        }
        MqttMessageType type = message.fixedHeader().messageType();
        if (type == MqttMessageType.CONNECT) {
            connect(ctx, (MqttConnectMessage) message);
            return;
        }
        if (this.accountId == null) {
            log.debug("Closing an MQTT connection that sent {} before CONNECT", type);
            ctx.close();
            return;
        }
        switch (type) {
            case SUBSCRIBE -> subscribe(ctx, (MqttSubscribeMessage) message);
            case UNSUBSCRIBE -> unsubscribe(ctx, (MqttUnsubscribeMessage) message);
            case PUBLISH -> publish(ctx, (MqttPublishMessage) message);
            case PINGREQ -> ctx.writeAndFlush(new MqttMessage(
                    new MqttFixedHeader(MqttMessageType.PINGRESP, false, MqttQoS.AT_MOST_ONCE, false, 0)));
            case DISCONNECT -> ctx.close();
            default -> log.debug("Ignoring MQTT {}", type);
        }
    }

    private void connect(ChannelHandlerContext ctx, MqttConnectMessage connect) {
        if (this.accountId != null) {
            ctx.close();
            return;
        }
        String username = connect.payload().userName();
        JsonNode fields = username == null ? EmulatorJson.MAPPER.missingNode() : parse(username);
        String claimedUser = userOf(fields);
        Optional<LoginSession> session = this.world.session(this.handshakeCookies.get("c_user"), this.handshakeCookies.get("xs"));
        if (claimedUser == null || session.isEmpty() || !session.get().accountId().equals(claimedUser)) {
            ctx.writeAndFlush(MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED)
                .sessionPresent(false)
                .build()).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        this.accountId = claimedUser;
        this.world.stats().mqttConnections(+1);
        ctx.writeAndFlush(MqttMessageBuilders.connAck()
            .returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
            .sessionPresent(false)
            .build());
        fields.path("st").forEach(topic -> this.subscriptions.add(topic.asString()));
        Channel channel = ctx.channel();
        this.topics = this.world.topics().connect(claimedUser, (topic, json) -> {
            if (this.subscriptions.contains(topic)) {
                publish(channel, topic, Unpooled.wrappedBuffer(json));
            }
        });
    }

    /** The account the JSON username claims ({@code "u"}), or {@code null}. */
    private static @Nullable String userOf(JsonNode username) {
        JsonNode user = username.path("u");
        return user.isString() || user.isNumber() ? user.asString() : null;
    }

    private void subscribe(ChannelHandlerContext ctx, MqttSubscribeMessage subscribe) {
        MqttMessageBuilders.SubAckBuilder ack = MqttMessageBuilders.subAck()
            .packetId(subscribe.variableHeader().messageId());
        for (MqttTopicSubscription subscription : subscribe.payload().topicSubscriptions()) {
            this.subscriptions.add(subscription.topicFilter());
            ack.addGrantedQos(subscription.qualityOfService() == MqttQoS.AT_MOST_ONCE ? MqttQoS.AT_MOST_ONCE
                    : MqttQoS.AT_LEAST_ONCE);
        }
        ctx.writeAndFlush(ack.build());
    }

    private void unsubscribe(ChannelHandlerContext ctx, MqttUnsubscribeMessage unsubscribe) {
        this.subscriptions.removeAll(unsubscribe.payload().topics());
        ctx.writeAndFlush(MqttMessageBuilders.unsubAck().packetId(unsubscribe.variableHeader().messageId()).build());
    }

    private void publish(ChannelHandlerContext ctx, MqttPublishMessage publish) {
        if (publish.fixedHeader().qosLevel() == MqttQoS.AT_LEAST_ONCE) {
            ctx.writeAndFlush(MqttMessageBuilders.pubAck().packetId(publish.variableHeader().packetId()).build());
        }
        String topic = publish.variableHeader().topicName();
        if (!topic.equals(CREATE_QUEUE_TOPIC) && !topic.equals(GET_DIFFS_TOPIC)) {
            return;
        }
        if (this.world.session(this.handshakeCookies.get("c_user"), this.handshakeCookies.get("xs")).isEmpty()) {
            // The session ended after CONNECT (emulator only: the answer a queue request then gets).
            sendSync(ctx.channel(), EmulatorJson.MAPPER.createObjectNode().put("errorCode", "ERROR_NOT_LOGGED_IN"));
            return;
        }
        JsonNode request = parse(publish.payload().toString(StandardCharsets.UTF_8));
        if (topic.equals(CREATE_QUEUE_TOPIC)) {
            Long after = sequenceId(request.path("initial_titan_sequence_id"));
            if (after == null) {
                sendSync(ctx.channel(), EmulatorJson.MAPPER.createObjectNode().put("errorCode", "ERROR_INVALID_REQUEST"));
                return;
            }
            follow(ctx.channel(), after, () -> sendSync(ctx.channel(), EmulatorJson.MAPPER.createObjectNode()
                .put("syncToken", this.world.openSyncQueue(accountId()))
                .put("firstDeltaSeqId", after + 1)
                .put("queueEntityId", Long.parseLong(accountId()))));
        }
        else {
            Long after = sequenceId(request.path("last_seq_id"));
            if (!this.world.isSyncToken(accountId(), request.path("sync_token").asString(""))) {
                sendSync(ctx.channel(), EmulatorJson.MAPPER.createObjectNode().put("errorCode", "ERROR_QUEUE_NOT_FOUND"));
                return;
            }
            if (after == null) {
                sendSync(ctx.channel(), EmulatorJson.MAPPER.createObjectNode().put("errorCode", "ERROR_INVALID_REQUEST"));
                return;
            }
            follow(ctx.channel(), after, () -> {
            });
        }
    }

    /**
     * Streams the account's deltas after {@code sequenceId} to this connection, replacing any
     * earlier queue; {@code opened} writes first. When the log no longer keeps all of those
     * deltas: {@code {"errorCode":"ERROR_QUEUE_OVERFLOW"}}, and no queue.
     */
    private void follow(Channel channel, long sequenceId, Runnable opened) {
        closeSyncQueue();
        long queueEntityId = Long.parseLong(accountId());
        try {
            this.syncQueue = this.world.deltaLog(accountId())
                .follow(sequenceId, opened, deltas -> sendDeltas(channel, queueEntityId, deltas));
        }
        catch (DeltaLog.QueueOverflowException ex) {
            sendSync(channel, EmulatorJson.MAPPER.createObjectNode().put("errorCode", "ERROR_QUEUE_OVERFLOW"));
        }
    }

    /**
     * Sends deltas as {@code {"deltas":[...],"firstDeltaSeqId":n,"lastIssuedSeqId":m,"queueEntityId":id}},
     * at most {@value #DELTA_BATCH_SIZE} a message, writing each delta's stored JSON as it is.
     */
    private void sendDeltas(Channel channel, long queueEntityId, List<Delta> deltas) {
        if (!this.subscriptions.contains(SYNC_TOPIC)) {
            return;
        }
        for (int from = 0; from < deltas.size(); from += DELTA_BATCH_SIZE) {
            List<Delta> batch = deltas.subList(from, Math.min(deltas.size(), from + DELTA_BATCH_SIZE));
            int size = 128;
            for (Delta delta : batch) {
                size += delta.json().length + 1;
            }
            ByteBuf message = Unpooled.buffer(size);
            message.writeBytes("{\"deltas\":[".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < batch.size(); i++) {
                if (i > 0) {
                    message.writeByte(',');
                }
                message.writeBytes(batch.get(i).json());
            }
            message.writeBytes(("],\"firstDeltaSeqId\":" + batch.get(0).sequenceId() + ",\"lastIssuedSeqId\":"
                    + batch.get(batch.size() - 1).sequenceId() + ",\"queueEntityId\":" + queueEntityId + "}")
                .getBytes(StandardCharsets.US_ASCII));
            publish(channel, SYNC_TOPIC, message);
        }
    }

    /** Publishes on {@code /t_ms} (QoS 0), if the connection subscribed to it. Safe from any thread. */
    private void sendSync(Channel channel, ObjectNode message) {
        if (!this.subscriptions.contains(SYNC_TOPIC)) {
            return;
        }
        publish(channel, SYNC_TOPIC, Unpooled.wrappedBuffer(EmulatorJson.MAPPER.writeValueAsBytes(message)));
    }

    /** Publishes {@code payload} on {@code topic} (QoS 0). Safe from any thread. */
    private static void publish(Channel channel, String topic, ByteBuf payload) {
        MqttPublishMessage message = MqttMessageBuilders.publish()
            .topicName(topic)
            .qos(MqttQoS.AT_MOST_ONCE)
            .retained(false)
            .payload(payload)
            .build();
        // Always through the event loop's queue, even on the event loop itself: a write made there directly would
        // overtake those queued before it from other threads, and deltas would leave out of order.
        channel.eventLoop().execute(() -> channel.writeAndFlush(message));
    }

    private String accountId() {
        String id = this.accountId;
        if (id == null) {
            throw new IllegalStateException("not connected");
        }
        return id;
    }

    private static @Nullable Long sequenceId(JsonNode value) {
        try {
            return value.isNumber() ? Long.valueOf(value.asLong()) : Long.valueOf(Long.parseLong(value.asString("")));
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private static JsonNode parse(String json) {
        try {
            return EmulatorJson.MAPPER.readTree(json);
        }
        catch (JacksonException ex) {
            log.debug("Ignoring a malformed MQTT JSON payload: {}", ex.getOriginalMessage());
            return EmulatorJson.MAPPER.missingNode();
        }
    }

    private void closeSyncQueue() {
        AutoCloseable queue = this.syncQueue;
        this.syncQueue = null;
        if (queue != null) {
            try {
                queue.close();
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    /** Whether {@code CONNECT} was accepted. On the channel's event loop ({@link MqttFaults}). */
    boolean isConnected() {
        return this.accountId != null;
    }

    /**
     * Fault injection ({@link MqttFaults}): the open sync queue overflows, as Facebook's do when a client falls behind:
     * {@code ERROR_QUEUE_OVERFLOW}, and no more deltas until the client opens a new queue. On the channel's event loop.
     */
    void overflowQueue(Channel channel) {
        if (this.syncQueue != null) {
            closeSyncQueue();
            sendSync(channel, EmulatorJson.MAPPER.createObjectNode().put("errorCode", "ERROR_QUEUE_OVERFLOW"));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closeSyncQueue();
        AutoCloseable registration = this.topics;
        this.topics = null;
        if (registration != null) {
            registration.close();
        }
        if (this.accountId != null) {
            this.world.stats().mqttConnections(-1);
            this.accountId = null;
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("MQTT connection failed: {}", cause.toString());
        ctx.close();
    }
}
