package dev.fbchat.emulator.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Sends only WebSocket upgrades to the WebSocket handshake. Facebook serves MQTT at
 * {@code /chat} on its edge host and plain endpoints such as {@code /chat/user_info/} on
 * Messenger's; on the emulator's one port, an upgrade request for a path starting with
 * {@value #CHAT_PATH} gets the exact path {@value #CHAT_PATH} that the handshake handler
 * answers, and every other request stays plain HTTP. Place it before the
 * {@code WebSocketServerProtocolHandler} (configured for the exact path).
 */
@ChannelHandler.Sharable
public final class ChatUpgradeRouter extends ChannelInboundHandlerAdapter {

    /** Where the MQTT-over-WebSocket service lives. */
    public static final String CHAT_PATH = "/chat";

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof HttpRequest request && isUpgrade(request)) {
            String path = new QueryStringDecoder(request.uri()).path();
            if (path.equals(CHAT_PATH) || path.startsWith(CHAT_PATH + "/")) {
                request.setUri(CHAT_PATH);
            }
        }
        ctx.fireChannelRead(message);
    }

    private static boolean isUpgrade(HttpRequest request) {
        return request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }
}
