package dev.fbchat.emulator.mqtt;

import java.util.List;
import java.util.Map;

import dev.fbchat.emulator.world.World;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;

/**
 * Stacks MQTT on an upgraded WebSocket: binary frames carry MQTT bytes both ways; the MQTT
 * decoder reassembles packets that span frames and splits frames that hold several.
 */
public final class MqttOverWebSocket extends MessageToMessageCodec<WebSocketFrame, ByteBuf> {

    /** The largest MQTT packet accepted. */
    static final int MAX_PACKET_BYTES = 1 << 20;

    private MqttOverWebSocket() {
    }

    /**
     * Adds the frame codec, the MQTT codec and a session for the handshake's cookies, and registers the connection for
     * fault injection ({@link MqttFaults}) under the account the cookies name.
     */
    public static void install(ChannelPipeline pipeline, World world, Map<String, String> handshakeCookies) {
        pipeline.addLast(new MqttOverWebSocket(), new MqttDecoder(MAX_PACKET_BYTES), MqttEncoder.INSTANCE,
                new MqttSessionHandler(world, handshakeCookies));
        MqttFaults.of(world).register(handshakeCookies.get("c_user"), pipeline.channel());
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf bytes, List<Object> out) {
        out.add(new BinaryWebSocketFrame(bytes.retain()));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
        if (frame instanceof BinaryWebSocketFrame || frame instanceof ContinuationWebSocketFrame) {
            out.add(frame.content().retain());
        }
    }
}
