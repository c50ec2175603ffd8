package dev.fbchat.spring.boot.autoconfigure;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.fbchat.listen.Listener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The thread that reads the listener's events keeps a bot's JVM running while it listens, as a message listener container's does (a bot
 * without a web server would otherwise exit right after starting), and closing the application ends it at once, also
 * while it waits between connection attempts.
 */
@ExtendWith(OutputCaptureExtension.class)
class FbChatListenerThreadTests {

    @RegisterExtension
    static final StarterFixture starter = new StarterFixture();

    @TempDir
    Path tempDir;

    @Test
    void aListeningApplicationHasANonDaemonListenerThreadThatClosingEnds() {
        Set<Thread> before = listenerThreads();
        List<Thread> started = new java.util.ArrayList<>();
        starter.runner(this.tempDir.resolve("cookies.json")).run(context -> {
            await().atMost(Duration.ofSeconds(10)).until(() -> context.getBean(Listener.class).isConnected());
            Set<Thread> threads = listenerThreads();
            threads.removeAll(before);
            assertThat(threads).hasSize(1).allSatisfy(thread -> assertThat(thread.isDaemon()).isFalse());
            started.addAll(threads);
        });
        assertThat(started.get(0).isAlive()).isFalse();
    }

    @Test
    void closingEndsAWaitBetweenConnectionAttemptsAtOnce(CapturedOutput output) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path cookieFile = this.tempDir.resolve("cookies.json");
        // saved cookies: the session is restored by the listener, which cannot reach the server and waits 1 s, 2 s, ...
        Files.writeString(cookieFile, "{\"c_user\":\"100000000000001\",\"xs\":\"x\"}");
        Set<Thread> before = listenerThreads();
        List<Thread> started = new java.util.ArrayList<>();
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FbChatAutoConfiguration.class))
            .withPropertyValues("fbchat.endpoints.base-url=http://127.0.0.1:" + closedPort,
                    "fbchat.cookie-file=" + cookieFile, "fbchat.timeout=2s")
            .run(context -> {
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> output.getOut().contains("Could not connect to Messenger"));
                Set<Thread> threads = listenerThreads();
                threads.removeAll(before);
                started.addAll(threads);
            });
        assertThat(started).hasSize(1);
        // closing (the runner's, above) ended the 1 s wait, not its end
        started.get(0).join(300);
        assertThat(started.get(0).isAlive()).isFalse();
    }

    private static Set<Thread> listenerThreads() {
        Set<Thread> threads = new java.util.HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("fbchat-events") && thread.isAlive()) {
                threads.add(thread);
            }
        }
        return threads;
    }
}
