package dev.fbchat.emulator;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.fbchat.emulator.web.ChatUpgradeRouter;
import dev.fbchat.emulator.web.MessengerHttpHandler;
import dev.fbchat.emulator.world.DeltaLog;
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

    private final World world;

    private final EventLoopGroup eventLoops = new MultiThreadIoEventLoopGroup(2,
            new DefaultThreadFactory("fbchat-emulator", true), NioIoHandler.newFactory());

    private final ChannelGroup channels = new DefaultChannelGroup("fbchat-emulator", GlobalEventExecutor.INSTANCE);

    private final Channel serverChannel;

    private MessengerEmulator(Options options) {
        int port = options.port();
        this.world = World.seeded(options.maxDeltasPerAccount());
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
        catch (Exception ex) {
            // Netty throws a BindException as it is, though bind() declares none
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

    /** Starts an emulator on a free port, with the {@linkplain Options#defaults() default options}. */
    public static MessengerEmulator start() {
        return start(Options.defaults());
    }

    /** Starts an emulator on {@code port} of the loopback interface ({@code 0}: any free port). */
    public static MessengerEmulator start(int port) {
        return start(Options.defaults().withPort(port));
    }

    /** Starts an emulator with these options. */
    public static MessengerEmulator start(Options options) {
        MessengerEmulator emulator = new MessengerEmulator(options);
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

    /**
     * Runs an emulator until the process is stopped: {@code --port=N} (default {@value #DEFAULT_PORT}),
     * {@code --max-deltas-per-account=N} (default {@value DeltaLog#DEFAULT_CAPACITY}, or the system
     * property {@value Options#MAX_DELTAS_PROPERTY}).
     */
    public static void main(String[] args) throws InterruptedException {
        Options options = Options.defaults().withPort(DEFAULT_PORT);
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                options = options.withPort(Integer.parseInt(arg.substring("--port=".length())));
            }
            else if (arg.startsWith("--max-deltas-per-account=")) {
                options = options.withMaxDeltasPerAccount(
                        Integer.parseInt(arg.substring("--max-deltas-per-account=".length())));
            }
            else {
                System.err.println("usage: MessengerEmulator [--port=N] [--max-deltas-per-account=N]");
                System.exit(2);
            }
        }
        MessengerEmulator emulator = start(options);
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

    /**
     * How an emulator starts.
     *
     * @param port the loopback port to listen on ({@code 0}: any free port)
     * @param maxDeltasPerAccount how many sync deltas each account's log keeps: a queue asking for
     *        older ones gets {@code ERROR_QUEUE_OVERFLOW} (at least 1)
     */
    public record Options(int port, int maxDeltasPerAccount) {

        /** The system property that sets {@link #maxDeltasPerAccount} of {@link #defaults()}. */
        public static final String MAX_DELTAS_PROPERTY = "fbchat.emulator.max-deltas-per-account";

        public Options {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("no port " + port);
            }
            if (maxDeltasPerAccount < 1) {
                throw new IllegalArgumentException("an account's delta log keeps at least one delta, not "
                        + maxDeltasPerAccount);
            }
        }

        /**
         * Any free port; each account keeps its newest {@value DeltaLog#DEFAULT_CAPACITY} deltas, or
         * as many as the system property {@value #MAX_DELTAS_PROPERTY} says.
         */
        public static Options defaults() {
            String property = System.getProperty(MAX_DELTAS_PROPERTY);
            int maxDeltas = DeltaLog.DEFAULT_CAPACITY;
            if (property != null && !property.isBlank()) {
                try {
                    maxDeltas = Integer.parseInt(property.strip());
                }
                catch (NumberFormatException ex) {
                    throw new IllegalArgumentException(MAX_DELTAS_PROPERTY + " is not a number: " + property, ex);
                }
            }
            return new Options(0, maxDeltas);
        }

        /** These options on another port. */
        public Options withPort(int newPort) {
            return new Options(newPort, this.maxDeltasPerAccount);
        }

        /** These options with another bound on each account's delta log. */
        public Options withMaxDeltasPerAccount(int newMaxDeltasPerAccount) {
            return new Options(this.port, newMaxDeltasPerAccount);
        }
    }
}
