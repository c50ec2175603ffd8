package dev.fbchat.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** MQTT bytes over WebSocket frames: packets split over frames, several packets in one frame. */
class WebSocketFramingTests {

    private MessengerEmulator emulator;

    @BeforeEach
    void start() {
        this.emulator = MessengerEmulator.start();
    }

    @AfterEach
    void stop() {
        this.emulator.close();
    }

    @Test
    void reassemblesSplitPacketsAndSplitsBatchedOnes() throws Exception {
        BrowserClient browser = BrowserClient.loggedIn(this.emulator, this.emulator.bot());
        LinkedBlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .subprotocols("mqtt")
            .header("Cookie", browser.cookieHeader())
            .buildAsync(URI.create("ws://127.0.0.1:" + this.emulator.port() + "/chat?sid=42"), new Collector(frames))
            .get(5, TimeUnit.SECONDS);
        assertThat(socket.getSubprotocol()).isEqualTo("mqtt");

        byte[] connect = encode(MqttMessageBuilders.connect()
            .protocolVersion(MqttVersion.MQTT_3_1)
            .clientId("mqttwsclient")
            .username("{\"u\":\"" + this.emulator.bot().id() + "\"}")
            .cleanSession(true)
            .keepAlive(10)
            .build());
        int half = connect.length / 2;
        socket.sendBinary(ByteBuffer.wrap(connect, 0, half), false).get(5, TimeUnit.SECONDS);
        socket.sendBinary(ByteBuffer.wrap(connect, half, connect.length - half), true).get(5, TimeUnit.SECONDS);
        byte[] subscribe = encode(MqttMessageBuilders.subscribe().messageId(7).addSubscription(MqttQoS.AT_LEAST_ONCE, "/t_ms").build());
        byte[] ping = encode(new MqttMessage(new MqttFixedHeader(MqttMessageType.PINGREQ, false, MqttQoS.AT_MOST_ONCE, false, 0)));
        socket.sendBinary(ByteBuffer.wrap(concat(subscribe, ping)), true).get(5, TimeUnit.SECONDS);

        List<MqttMessage> answers = readPackets(frames, 3);
        assertThat(answers.get(0)).isInstanceOfSatisfying(MqttConnAckMessage.class, ack -> assertThat(
                ack.variableHeader().connectReturnCode()).isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED));
        assertThat(answers.get(1)).isInstanceOfSatisfying(MqttSubAckMessage.class, ack -> {
            assertThat(ack.variableHeader().messageId()).isEqualTo(7);
            assertThat(ack.payload().grantedQoSLevels()).containsExactly(1);
        });
        assertThat(answers.get(2).fixedHeader().messageType()).isEqualTo(MqttMessageType.PINGRESP);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    private static byte[] encode(MqttMessage message) {
        EmbeddedChannel channel = new EmbeddedChannel(MqttEncoder.INSTANCE);
        channel.writeOutbound(message);
        ByteBuf encoded = channel.readOutbound();
        byte[] bytes = ByteBufUtil.getBytes(encoded);
        encoded.release();
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static List<MqttMessage> readPackets(LinkedBlockingQueue<byte[]> frames, int count) throws InterruptedException {
        EmbeddedChannel decoder = new EmbeddedChannel(new MqttDecoder());
        List<MqttMessage> packets = new ArrayList<>();
        while (packets.size() < count) {
            byte[] frame = frames.poll(5, TimeUnit.SECONDS);
            assertThat(frame).as("an answer within 5 s; got " + packets).isNotNull();
            decoder.writeInbound(Unpooled.wrappedBuffer(frame));
            for (Object packet = decoder.readInbound(); packet != null; packet = decoder.readInbound()) {
                packets.add((MqttMessage) packet);
            }
        }
        return packets;
    }

    /** Collects whole binary messages. */
    private static final class Collector implements WebSocket.Listener {

        private final LinkedBlockingQueue<byte[]> frames;

        private final java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();

        Collector(LinkedBlockingQueue<byte[]> frames) {
            this.frames = frames;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            this.partial.writeBytes(bytes);
            if (last) {
                this.frames.add(this.partial.toByteArray());
                this.partial.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            this.frames.add(data.toString().getBytes(StandardCharsets.UTF_8));
            webSocket.request(1);
            return null;
        }
    }
}
