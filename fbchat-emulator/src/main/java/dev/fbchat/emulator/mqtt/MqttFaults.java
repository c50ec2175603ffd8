package dev.fbchat.emulator.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import dev.fbchat.emulator.world.World;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * Fault injection on the open MQTT connections of one emulated world (*emulator only*, for tests of a client's
 * recovery): cut connections, stall them (the socket stays open, nothing goes either way), overflow their sync queues,
 * publish raw frames. Each connection is registered under the account its handshake cookies name ({@code c_user});
 * an action reaches the connections open at that moment and runs on each one's event loop, so it has happened, or is
 * about to, when the call returns. Thread-safe.
 */
public final class MqttFaults {

    /** The registry of each world; a world's entry goes with it. */
    private static final Map<World, MqttFaults> REGISTRIES = new WeakHashMap<>();

    private static final String STALL_HANDLER = "fbchat-emulator-stall";

    private final List<Registered> connections = new ArrayList<>();

    private MqttFaults() {
    }

    /** The fault injection of {@code world}'s MQTT service. */
    public static MqttFaults of(World world) {
        synchronized (REGISTRIES) {
            return REGISTRIES.computeIfAbsent(world, w -> new MqttFaults());
        }
    }

    /** Registers a connection whose WebSocket handshake named {@code accountId}, until the channel closes. */
    void register(@Nullable String accountId, Channel channel) {
        if (accountId == null) {
            return;
        }
        Registered registered = new Registered(accountId, channel);
        synchronized (this.connections) {
            this.connections.add(registered);
        }
        channel.closeFuture().addListener(closed -> {
            synchronized (this.connections) {
                this.connections.remove(registered);
            }
        });
    }

    /** Closes the connections of {@code accountId} (every connection when {@code null}); returns how many. */
    public int dropConnections(@Nullable String accountId) {
        List<Channel> channels = channels(accountId);
        channels.forEach(Channel::close);
        return channels.size();
    }

    /**
     * Stalls the connections of {@code accountId}: the sockets stay open, but from now on nothing they carry is read
     * (no {@code PINGRESP}, no {@code SUBACK}) and nothing is written (no frame). A new connection is served as usual.
     * Returns how many.
     */
    public int stall(String accountId) {
        List<Channel> channels = channels(accountId);
        for (Channel channel : channels) {
            channel.eventLoop().execute(() -> {
                if (channel.pipeline().get(STALL_HANDLER) == null && channel.pipeline().get(MqttOverWebSocket.class) != null) {
                    // Between the WebSocket frames and MQTT: inbound bytes go no further, outbound packets no further.
                    channel.pipeline().addAfter(channel.pipeline().context(MqttOverWebSocket.class).name(), STALL_HANDLER,
                            new Stall());
                }
            });
        }
        return channels.size();
    }

    /**
     * Overflows the open sync queues of {@code accountId}'s connections, as Facebook's overflow when a client falls
     * behind: each gets {@code /t_ms {"errorCode":"ERROR_QUEUE_OVERFLOW"}} and no more deltas until it opens a new queue.
     * Returns how many connections were asked.
     */
    public int overflowQueues(String accountId) {
        List<Channel> channels = channels(accountId);
        for (Channel channel : channels) {
            channel.eventLoop().execute(() -> {
                MqttSessionHandler session = channel.pipeline().get(MqttSessionHandler.class);
                if (session != null) {
                    session.overflowQueue(channel);
                }
            });
        }
        return channels.size();
    }

    /**
     * Publishes {@code payload} as it is on {@code topic} (QoS 0) to every connection of {@code accountId} that has
     * completed {@code CONNECT}, subscribed or not. Returns how many connections were asked.
     */
    public int publish(String accountId, String topic, byte[] payload) {
        List<Channel> channels = channels(accountId);
        for (Channel channel : channels) {
            channel.eventLoop().execute(() -> {
                MqttSessionHandler session = channel.pipeline().get(MqttSessionHandler.class);
                if (session != null && session.isConnected()) {
                    channel.writeAndFlush(MqttMessageBuilders.publish()
                        .topicName(topic)
                        .qos(MqttQoS.AT_MOST_ONCE)
                        .retained(false)
                        .payload(Unpooled.wrappedBuffer(payload))
                        .build());
                }
            });
        }
        return channels.size();
    }

    private List<Channel> channels(@Nullable String accountId) {
        synchronized (this.connections) {
            return this.connections.stream()
                .filter(registered -> accountId == null || registered.accountId().equals(accountId))
                .map(Registered::channel)
                .filter(Channel::isActive)
                .toList();
        }
    }

    private record Registered(String accountId, Channel channel) {
    }

    /** Swallows everything in both directions while the socket stays open. */
    private static final class Stall extends ChannelDuplexHandler {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            ReferenceCountUtil.release(message);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
            ReferenceCountUtil.release(message);
            promise.setSuccess();
        }
    }
}
