package dev.fbchat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

import static org.awaitility.Awaitility.await;

/**
 * Eclipse Mosquitto with a WebSocket listener, for interop tests against a real, independent MQTT broker: in a
 * container where Docker runs (Testcontainers), otherwise as a local {@code mosquitto} process (Debian's package:
 * {@code apt-get install -y mosquitto}; {@code .ci/run} installs it). Never skipped: without either, it fails.
 */
final class MosquittoBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MosquittoBroker.class);

    private static final int CONTAINER_WEBSOCKET_PORT = 9001;

    private static final List<String> EXECUTABLES = List.of("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto",
            "/usr/bin/mosquitto", "/usr/local/bin/mosquitto", "/opt/homebrew/sbin/mosquitto");

    private final URI webSocket;

    private final AutoCloseable stop;

    private final String kind;

    private MosquittoBroker(URI webSocket, String kind, AutoCloseable stop) {
        this.webSocket = webSocket;
        this.kind = kind;
        this.stop = stop;
    }

    /** Starts a broker; {@code dir} holds the configuration (and the log) of a local process. */
    static MosquittoBroker start(Path dir) {
        if (dockerAvailable()) {
            return container();
        }
        log.info("Testcontainers finds no working Docker environment: starting mosquitto as a local process");
        return localProcess(dir);
    }

    /** {@code ws://127.0.0.1:<port>}: the broker's WebSocket listener. */
    URI webSocket() {
        return this.webSocket;
    }

    /** {@code "container"} or {@code "local process"}. */
    String kind() {
        return this.kind;
    }

    @Override
    public void close() throws Exception {
        this.stop.close();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError ex) {
            return false;
        }
    }

    private static MosquittoBroker container() {
        String config = String.join("\n", "listener 1883", "listener " + CONTAINER_WEBSOCKET_PORT, "protocol websockets",
                "allow_anonymous true", "persistence false", "");
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("eclipse-mosquitto:2.0"))
            .withCopyToContainer(Transferable.of(config), "/mosquitto/config/mosquitto.conf")
            .withExposedPorts(CONTAINER_WEBSOCKET_PORT)
            .waitingFor(Wait.forListeningPort());
        container.start();
        URI uri = URI.create("ws://" + container.getHost() + ":" + container.getMappedPort(CONTAINER_WEBSOCKET_PORT));
        return new MosquittoBroker(uri, "container", container::stop);
    }

    private static MosquittoBroker localProcess(Path dir) {
        String executable = executable();
        int tcpPort = freePort();
        int webSocketPort = freePort();
        // Mosquitto 2.0.11 (Debian 12) will not start with a WebSocket listener alone: a plain one goes with it.
        String config = String.join("\n", "allow_anonymous true", "persistence false", "log_dest stderr",
                "listener " + tcpPort + " 127.0.0.1", "listener " + webSocketPort + " 127.0.0.1", "protocol websockets", "");
        try {
            Path file = Files.writeString(dir.resolve("mosquitto.conf"), config);
            Path output = dir.resolve("mosquitto.log");
            Process process = new ProcessBuilder(executable, "-c", file.toString()).redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
            try {
                await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .alias("mosquitto listening on " + webSocketPort + " (log: " + output + ")")
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("mosquitto exited: " + Files.readString(output));
                        }
                        return accepts(webSocketPort);
                    });
            }
            catch (RuntimeException ex) {
                process.destroyForcibly();
                throw ex;
            }
            return new MosquittoBroker(URI.create("ws://127.0.0.1:" + webSocketPort), "local process", () -> {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            });
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + executable, ex);
        }
    }

    private static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "mosquitto"))) {
                return Path.of(dir, "mosquitto").toString();
            }
        }
        return EXECUTABLES.stream()
            .filter(candidate -> Files.isExecutable(Path.of(candidate)))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("Neither Docker nor a mosquitto executable is available for the "
                    + "broker interop test: install Debian's package (apt-get install -y mosquitto), as .ci/run does"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 200);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }
}
