package dev.fbchat.emulator.web;

import java.util.List;

import dev.fbchat.emulator.mqtt.MqttOverWebSocket;
import dev.fbchat.emulator.world.HttpFaults;
import dev.fbchat.emulator.world.RequestLog;
import dev.fbchat.emulator.world.World;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the HTTP requests of one connection by asking each endpoint family in turn, and
 * turns the connection over to MQTT once a {@code /chat} WebSocket handshake completes.
 */
public final class MessengerHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(MessengerHttpHandler.class);

    private final World world;

    private final List<Endpoints> endpoints;

    public MessengerHttpHandler(World world) {
        this.world = world;
        this.endpoints = List.of(new LoginEndpoints(world), new GraphqlBatchEndpoint(world),
                new MessagingEndpoints(world), new SearchEndpoints(world), new UserEndpoints(world),
                new InboxEndpoints(world), new MediaEndpoints(world), new PollPlanEndpoints(world),
                new ThreadSettingEndpoints(world), new AccountThreadEndpoints(world), new MessageActionEndpoints(world),
                new PollPlanActionEndpoints(world), new FriendEndpoints(world), new UploadEndpoint(world),
                new DriverFaultEndpoints(world), new DriverActionEndpoints(world),
                new DriverEndpoints(world));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        HttpExchange exchange = new HttpExchange(request);
        this.world.stats().request(exchange.path());
        if (!exchange.path().startsWith("/_emulator/")) {
            String query = new QueryStringDecoder(request.uri()).rawQuery();
            this.world.requestLog().record(new RequestLog.Entry(request.method().name(), exchange.path(), query,
                    exchange.formFields(), List.copyOf(exchange.cookies().keySet()),
                    exchange.files()
                        .stream()
                        .map(file -> new RequestLog.FilePart(file.name(), file.filename(), file.contentType(),
                                file.content().length))
                        .toList()));
        }
        HttpFaults.Cut cut = this.world.httpFaults().take(exchange.path());
        if (cut == HttpFaults.Cut.BEFORE) {
            ctx.close();
            return;
        }
        FullHttpResponse response = answer(exchange);
        if (cut == HttpFaults.Cut.AFTER) {
            response.release();
            ctx.close();
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setContentLength(response, response.content().readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response);
        }
        else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private FullHttpResponse answer(HttpExchange exchange) {
        try {
            for (Endpoints family : this.endpoints) {
                FullHttpResponse response = family.answer(exchange);
                if (response != null) {
                    return response;
                }
            }
            return HttpAnswers.text(HttpResponseStatus.NOT_FOUND, "text/plain; charset=utf-8", "Not found\n");
        }
        catch (RuntimeException ex) {
            log.error("Answering {} {} failed", exchange.method(), exchange.path(), ex);
            return HttpAnswers.jsonError(HttpResponseStatus.INTERNAL_SERVER_ERROR, "emulator error: " + ex);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
            List<String> cookieHeaders = handshake.requestHeaders().getAll(HttpHeaderNames.COOKIE);
            MqttOverWebSocket.install(ctx.pipeline(), this.world, HttpExchange.cookies(cookieHeaders));
            ctx.pipeline().remove(this);
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("HTTP connection failed: {}", cause.toString());
        ctx.close();
    }
}
