package dev.fbchat.test;

import java.time.Duration;

import dev.fbchat.listen.Listener;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Holds a test's application context back until the bot's {@link Listener} is connected (the starter connects in the
 * background), so that a test's first message is not sent before the bot listens. Started last; a context without a
 * listener starts at once.
 */
final class ListenerConnectedAwaiter implements SmartLifecycle {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final ApplicationContext context;

    private volatile boolean running;

    ListenerConnectedAwaiter(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void start() {
        this.running = true;
        Listener listener = this.context.getBeanProvider(Listener.class).getIfAvailable();
        if (listener == null) {
            return;
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!listener.isConnected()) {
            if (System.nanoTime() > deadline || listener.status().stopped()) {
                throw new IllegalStateException("The bot's listener did not connect to the emulator within "
                        + TIMEOUT.toSeconds() + " s" + (listener.status().stopReason() == null ? ""
                                : ": " + listener.status().stopReason()));
            }
            try {
                Thread.sleep(10);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void stop() {
        this.running = false;
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
