package dev.fbchat.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.fbchat.HTTPError;
import dev.fbchat.SendPacing;
import org.jspecify.annotations.Nullable;

/**
 * Makes sends wait for their turn under a {@link SendPacing}: one token bucket for the account and one per thread,
 * each holding up to {@code sends} tokens and refilled at {@code sends} per {@code period}. Thread-safe; a send that
 * must wait sleeps on its caller's thread.
 */
final class SendPacer {

    /** How many per-thread buckets are kept before the full (idle) ones are dropped. */
    private static final int MAX_THREAD_BUCKETS = 10_000;

    private final SendPacing.@Nullable Rate perThread;

    private final @Nullable Bucket account;

    private final Map<String, Bucket> threads = new ConcurrentHashMap<>();

    SendPacer(SendPacing pacing) {
        this.perThread = pacing.perThread();
        this.account = pacing.perAccount() == null ? null : new Bucket(pacing.perAccount());
    }

    /**
     * Waits until a send to {@code threadId} fits both limits, and takes its turn.
     *
     * @throws HTTPError when interrupted while waiting (the send is not made)
     */
    void acquire(String threadId) {
        SendPacing.@Nullable Rate rate = this.perThread;
        if (rate != null) {
            if (this.threads.size() > MAX_THREAD_BUCKETS) {
                this.threads.values().removeIf(Bucket::isFull);
            }
            this.threads.computeIfAbsent(threadId, id -> new Bucket(rate)).take();
        }
        if (this.account != null) {
            this.account.take();
        }
    }

    /** A token bucket. */
    private static final class Bucket {

        private final double capacity;

        private final double tokensPerNano;

        private double tokens;

        private long updatedAt = System.nanoTime();

        Bucket(SendPacing.Rate rate) {
            this.capacity = rate.sends();
            this.tokensPerNano = rate.sends() / (double) rate.period().toNanos();
            this.tokens = this.capacity;
        }

        /** Takes a token, waiting for one to be refilled when none is left. */
        void take() {
            long wait;
            synchronized (this) {
                refill();
                this.tokens -= 1;
                // a negative balance is a turn reserved in the future: later callers queue behind it
                wait = this.tokens >= 0 ? 0 : (long) Math.ceil(-this.tokens / this.tokensPerNano);
            }
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new HTTPError("Interrupted while waiting for a send's turn", ex);
                }
            }
        }

        synchronized boolean isFull() {
            refill();
            return this.tokens >= this.capacity;
        }

        private void refill() {
            long now = System.nanoTime();
            this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.tokensPerNano);
            this.updatedAt = now;
        }
    }
}
