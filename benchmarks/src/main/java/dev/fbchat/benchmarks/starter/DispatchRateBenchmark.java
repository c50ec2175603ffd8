package dev.fbchat.benchmarks.starter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.fbchat.Session;
import dev.fbchat.event.MessageEvent;
import dev.fbchat.listen.Listener;
import dev.fbchat.spring.FbChatListener;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Events per second reaching a no-op {@code @FbChatListener}, beside the rate at which a bare Paho client receives the
 * same deltas from the same emulator.
 *
 * <p>Each round, bob sends {@code messages} messages over 10 group threads while the bot is away (its MQTT connection
 * dropped, reconnecting only after the round's messages are in). The bot then reconnects and Messenger replays the
 * backlog in batches of 500 deltas: the starter parses each batch, publishes each event and dispatches it on its
 * thread-ordered executor to the handler. Alice, a member of the same threads, has the same deltas in her log; a bare
 * Paho client of hers then opens a queue before them and receives the same backlog, looking only at each frame's
 * last sequence id. Both rates count from the first to the last delivery, and the ratio of each round is printed;
 * the first round warms the JIT up.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.fbchat.benchmarks.starter.DispatchRateBenchmark [messages] [rounds]</pre>
 */
public final class DispatchRateBenchmark {

    private static final int GROUPS = 10;

    private DispatchRateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int perGroup = messages / GROUPS;
        int total = perGroup * GROUPS;
        try (BenchmarkWorld world = new BenchmarkWorld(GROUPS, total * (rounds + 2))) {
            Session alice = world.login(world.alice);
            // how long the backlog takes to send: the bot must stay away longer (it returns after half its
            // reconnect delay at the earliest)
            long sendNanos = world.bobSends(perGroup, "calibration");
            long awayMillis = Math.max(3_000, 5 * TimeUnit.NANOSECONDS.toMillis(sendNanos) / 2 + 1_000);
            try (ConfigurableApplicationContext bot = world.startBot(
                    Map.of("fbchat.listener.reconnect-initial-delay", awayMillis + "ms",
                            "fbchat.listener.reconnect-max-delay", awayMillis + "ms"), NoOpBot.class)) {
                Listener listener = bot.getBean(Listener.class);
                DeliveryClock handler = bot.getBean(DeliveryClock.class);
                awaitConnected(listener);
                System.out.printf(Locale.ROOT, "%d events a round over %d threads; bot away %d ms a round%n", total,
                        GROUPS, awayMillis);
                System.out.printf(Locale.ROOT, "%-8s %16s %16s %10s%n", "round", "raw Paho ev/s", "@FbChatListener",
                        "ratio");
                List<Double> ratios = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    long before = RawMessengerClient.currentSequenceId(alice);
                    handler.reset(total);
                    world.driver.dropConnections(world.bot.id());
                    world.bobSends(perGroup, "round " + round);
                    double starterRate = handler.await(Duration.ofMinutes(2));
                    awaitConnected(listener);
                    double rawRate = rawRate(alice, before, RawMessengerClient.currentSequenceId(alice));
                    double ratio = starterRate / rawRate;
                    if (round > 0) {
                        ratios.add(ratio);
                    }
                    System.out.printf(Locale.ROOT, "%-8s %16.0f %16.0f %9.0f%%%n", round == 0 ? "warm-up" : round,
                            rawRate, starterRate, 100 * ratio);
                }
                Collections.sort(ratios);
                System.out.printf(Locale.ROOT, "median ratio @FbChatListener / raw Paho: %.0f%%%n",
                        100 * ratios.get(ratios.size() / 2));
            }
        }
    }

    /** Deltas per second a bare Paho client of alice's receives, replaying those after {@code before}. */
    private static double rawRate(Session alice, long before, long last) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong first = new AtomicLong();
        AtomicLong firstBatchEnd = new AtomicLong();
        AtomicLong end = new AtomicLong();
        try (RawMessengerClient client = RawMessengerClient.open(alice, before, (topic, frame) -> {
            long issued = RawMessengerClient.lastIssuedSequenceId(frame);
            if (issued < 0) {
                return;
            }
            long now = System.nanoTime();
            if (firstBatchEnd.get() == 0) {
                first.set(now);
                firstBatchEnd.set(issued);
            }
            if (issued >= last) {
                end.set(now);
                done.countDown();
            }
        })) {
            if (!done.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the bare client did not receive the backlog");
            }
        }
        return (last - firstBatchEnd.get()) * 1e9 / (end.get() - first.get());
    }

    private static void awaitConnected(Listener listener) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!listener.isConnected()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bot did not connect");
            }
            Thread.sleep(10);
        }
    }

    /** The benchmarked bot: the starter and one handler that only counts. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class NoOpBot {

        @Bean
        DeliveryClock deliveryClock() {
            return new DeliveryClock();
        }
    }

    /** A no-op handler that notes when the first and the last expected event reached it. */
    static final class DeliveryClock {

        private final AtomicInteger seen = new AtomicInteger();

        private volatile int expected;

        private volatile long first;

        private volatile CountDownLatch done = new CountDownLatch(1);

        private volatile long end;

        @FbChatListener
        void onMessage(MessageEvent event) {
            int count = this.seen.incrementAndGet();
            if (count == 1) {
                this.first = System.nanoTime();
            }
            if (count == this.expected) {
                this.end = System.nanoTime();
                this.done.countDown();
            }
        }

        void reset(int expectedEvents) {
            this.seen.set(0);
            this.expected = expectedEvents;
            this.done = new CountDownLatch(1);
        }

        /** Events per second from the first to the last expected one. */
        double await(Duration timeout) throws InterruptedException {
            if (!this.done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("only " + this.seen.get() + " of " + this.expected + " events came");
            }
            return (this.expected - 1) * 1e9 / (this.end - this.first);
        }
    }
}
