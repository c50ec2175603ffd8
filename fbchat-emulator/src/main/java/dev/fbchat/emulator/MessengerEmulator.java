package dev.fbchat.emulator;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.fbchat.emulator.web.ChatUpgradeRouter;
import dev.fbchat.emulator.web.MessengerHttpHandler;
import dev.fbchat.emulator.world.World;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An offline Messenger on one local port: Facebook's login and home pages, {@code /api} and
 * {@code /messaging} endpoints, the MQTT-over-WebSocket service at {@code /chat}, and the
 * driver API at {@code /_emulator/}, over the seeded world of {@code docs/emulator-protocol.md}.
 *
 * <pre>{@code
 * try (MessengerEmulator emulator = MessengerEmulator.start()) {
 *     Session session = Session.login(emulator.bot().email(), emulator.bot().password(), null,
 *             SessionOptions.defaults().withEndpoints(Endpoints.local(emulator.baseUrl())));
 * }
 * }</pre>
 */
public final class MessengerEmulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MessengerEmulator.class);

    /** The port of {@link #main} and the sample application unless told otherwise. */
    public static final int DEFAULT_PORT = 8765;

    private static final int MAX_HTTP_BODY_BYTES = 1 << 20;

    private final World world = World.seeded();

    private final EventLoopGroup eventLoops = new MultiThreadIoEventLoopGroup(2,
            new DefaultThreadFactory("fbchat-emulator", true), NioIoHandler.newFactory());

    private final ChannelGroup channels = new DefaultChannelGroup("fbchat-emulator", GlobalEventExecutor.INSTANCE);

    private final Channel serverChannel;

    private MessengerEmulator(int port) {
        try {
            this.serverChannel = new ServerBootstrap().group(this.eventLoops)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        MessengerEmulator.this.channels.add(channel);
                        channel.pipeline()
                            .addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_HTTP_BODY_BYTES),
                                    new ChatUpgradeRouter(), new WebSocketServerProtocolHandler(webSocketConfig()),
                                    new MessengerHttpHandler(MessengerEmulator.this.world));
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .syncUninterruptibly()
                .channel();
        }
        catch (RuntimeException ex) {
            this.eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("Could not start the Messenger emulator on port " + port + ": " + ex, ex);
        }
    }

    private static WebSocketServerProtocolConfig webSocketConfig() {
        return WebSocketServerProtocolConfig.newBuilder()
            .websocketPath(ChatUpgradeRouter.CHAT_PATH)
            .checkStartsWith(false)
            .subprotocols("mqtt,mqttv3.1")
            .maxFramePayloadLength(MAX_HTTP_BODY_BYTES)
            .build();
    }

    /** Starts an emulator on a free port. */
    public static MessengerEmulator start() {
        return start(0);
    }

    /** Starts an emulator on {@code port} of the loopback interface ({@code 0}: any free port). */
    public static MessengerEmulator start(int port) {
        MessengerEmulator emulator = new MessengerEmulator(port);
        log.info("Messenger emulator listening on {}", emulator.baseUrl());
        return emulator;
    }

    /** The port it listens on. */
    public int port() {
        return ((InetSocketAddress) this.serverChannel.localAddress()).getPort();
    }

    /** Where every endpoint lives: {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port());
    }

    /** The bot's account: the one the application logs in with. */
    public Account bot() {
        return this.world.accounts().get(0);
    }

    /**
     * Every account: the bot first, then alice, bob and carol, then dave, erin and frank (behind
     * login checkpoints), then grace, heidi, ivan, judy and mallory (the seeded history).
     */
    public List<Account> accounts() {
        return this.world.accounts();
    }

    /** Stops listening and closes every open connection. */
    @Override
    public void close() {
        this.serverChannel.close().syncUninterruptibly();
        this.channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        this.eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** Runs an emulator until the process is stopped: {@code --port=N} (default {@value #DEFAULT_PORT}). */
    public static void main(String[] args) throws InterruptedException {
        int port = DEFAULT_PORT;
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            }
            else {
                System.err.println("usage: MessengerEmulator [--port=N]");
                System.exit(2);
            }
        }
        MessengerEmulator emulator = start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        System.out.println("Messenger emulator on " + emulator.baseUrl());
        emulator.accounts().forEach(account -> System.out.println("  " + account.name() + ": id " + account.id()
                + ", " + account.email() + " / " + account.password()));
        stopped.await();
    }
}
