package dev.fbchat.benchmarks.starter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.fbchat.Session;
import dev.fbchat.emulator.Account;
import dev.fbchat.event.MessageEvent;
import dev.fbchat.listen.Listener;
import dev.fbchat.spring.FbChatListener;
import dev.fbchat.thread.Group;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bot's share of one echo's latency: how much longer an echo takes through the starter than through the least a
 * bot can do.
 *
 * <p>Bob says {@code ping} in two groups, one after the other, and waits each time until alice's bare Paho client
 * sees the reply: in group A the starter's echo bot answers by returning a {@code String} from an
 * {@code @FbChatListener}; in group B carol answers from a bare Paho callback that reads the frame as a Jackson tree
 * and replies with fbchat-core's {@code sendText} on Paho's own thread (no events, no dispatch). Everything else on
 * the way (bob's HTTP send, the emulator, the reply's HTTP round trip, the frame to alice) is the same for both, so
 * the difference of the two medians is what the starter adds. The pairs alternate, so whatever else the machine does
 * slows both alike; the first {@code warm-up} pairs are not counted.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.fbchat.benchmarks.starter.EchoLatencyBenchmark [pairs] [warm-up]</pre>
 */
public final class EchoLatencyBenchmark {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private EchoLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        try (BenchmarkWorld world = new BenchmarkWorld(0, 100_000)) {
            Account carolAccount = world.emulator.accounts().get(3);
            String carolId = carolAccount.id();
            String starterGroup = world.driver
                .createGroup("echo through the starter", List.of(world.bot.id(), world.alice.id(), world.bob.id()))
                .id();
            String rawGroup = world.driver
                .createGroup("echo from bare Paho", List.of(carolId, world.alice.id(), world.bob.id()))
                .id();
            Session carol = world.login(carolAccount);
            Session alice = world.login(world.alice);
            ReplyWatch watch = new ReplyWatch();
            try (ConfigurableApplicationContext bot = world.startBot(Map.of(), EchoBot.class);
                    RawMessengerClient rawBot = RawMessengerClient.open(carol,
                            RawMessengerClient.currentSequenceId(carol), (topic, frame) -> echo(carol, frame));
                    RawMessengerClient observer = RawMessengerClient.open(alice,
                            RawMessengerClient.currentSequenceId(alice), (topic, frame) -> watch.seen(frame))) {
                Listener listener = bot.getBean(Listener.class);
                while (!listener.isConnected()) {
                    Thread.sleep(10);
                }
                double[] throughStarter = new double[pairs];
                double[] throughPaho = new double[pairs];
                for (int i = -warmUp; i < pairs; i++) {
                    double starter = echoMillis(world, watch, starterGroup, "A" + i);
                    double paho = echoMillis(world, watch, rawGroup, "B" + i);
                    if (i >= 0) {
                        throughStarter[i] = starter;
                        throughPaho[i] = paho;
                    }
                }
                Arrays.sort(throughStarter);
                Arrays.sort(throughPaho);
                double starterMedian = throughStarter[pairs / 2];
                double pahoMedian = throughPaho[pairs / 2];
                System.out.printf(Locale.ROOT, "%d echoes each, alternating, after %d warm-up pairs%n", pairs, warmUp);
                System.out.printf(Locale.ROOT, "%-34s %8s %8s %8s%n", "echo latency (ms)", "p25", "median", "p90");
                print("through the starter (@FbChatListener)", throughStarter);
                print("bare Paho + fbchat-core sendText", throughPaho);
                System.out.printf(Locale.ROOT, "the starter's share of an echo: %.2f ms median (%.0f%% of the echo)%n",
                        starterMedian - pahoMedian, 100 * (starterMedian - pahoMedian) / starterMedian);
            }
        }
    }

    private static void print(String label, double[] sorted) {
        System.out.printf(Locale.ROOT, "%-34s %8.2f %8.2f %8.2f%n", label, sorted[sorted.length / 4],
                sorted[sorted.length / 2], sorted[sorted.length * 9 / 10]);
    }

    /** Bob says ping in {@code group}; milliseconds until alice sees the echo. */
    private static double echoMillis(BenchmarkWorld world, ReplyWatch watch, String group, String marker)
            throws InterruptedException {
        String ping = "ping " + marker;
        // the reply's body, closing quote included, as the delta holds it
        CountDownLatch replied = watch.expect("\"echo: " + ping + "\"");
        long start = System.nanoTime();
        world.driver.send(group, world.bob.id(), ping);
        if (!replied.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no echo of " + ping);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** The bare bot: every message of someone else's in a frame is answered from Paho's thread. */
    private static void echo(Session carol, byte[] frame) {
        JsonNode deltas = MAPPER.readTree(frame).path("deltas");
        for (JsonNode delta : deltas) {
            JsonNode metadata = delta.path("messageMetadata");
            if (delta.path("class").asString("").equals("NewMessage")
                    && !metadata.path("actorFbId").asString("").equals(carol.requests().userId())) {
                new Group(carol, metadata.path("threadKey").path("threadFbId").asString())
                    .sendText("echo: " + delta.path("body").asString());
            }
        }
    }

    /** The starter's echo bot. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class EchoBot {

        @Bean
        Echo echo() {
            return new Echo();
        }
    }

    /** Answers each message with its text. */
    static final class Echo {

        @FbChatListener
        String onMessage(MessageEvent event) {
            return "echo: " + event.message().text();
        }
    }

    /** Alice's view: notices the one reply the benchmark waits for. */
    private static final class ReplyWatch {

        private volatile byte @Nullable [] expected;

        private volatile CountDownLatch seen = new CountDownLatch(1);

        CountDownLatch expect(String reply) {
            CountDownLatch latch = new CountDownLatch(1);
            this.seen = latch;
            this.expected = reply.getBytes(StandardCharsets.UTF_8);
            return latch;
        }

        void seen(byte[] frame) {
            byte[] wanted = this.expected;
            if (wanted != null && contains(frame, wanted)) {
                this.seen.countDown();
            }
        }

        private static boolean contains(byte[] frame, byte[] wanted) {
            outer: for (int at = 0; at <= frame.length - wanted.length; at++) {
                for (int i = 0; i < wanted.length; i++) {
                    if (frame[at + i] != wanted[i]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
