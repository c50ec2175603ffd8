package dev.fbchat.emulator.world;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import tools.jackson.databind.node.ObjectNode;

/**
 * One account's ordered log of sync deltas, with the open sync queues that follow it. Sequence
 * ids start after {@value #INITIAL_SEQUENCE_ID} and grow by one per delta. Every follower sees
 * every delta once, in order: appending and delivering happen under one lock.
 * <p>
 * Each delta is kept once, as compact UTF-8 JSON ({@link Delta#json()}), and only the newest
 * {@link #capacity()} of them: a queue that asks for deltas older than those kept meets a
 * {@link QueueOverflowException}, as Facebook answers {@code ERROR_QUEUE_OVERFLOW}.
 */
public final class DeltaLog {

    /** The sequence id of an empty log. */
    public static final long INITIAL_SEQUENCE_ID = 1000;

    /** How many deltas a log keeps unless told otherwise. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;

    /** The newest {@link #capacity} deltas, oldest first; their sequence ids are consecutive. */
    private final ArrayDeque<Delta> deltas = new ArrayDeque<>();

    private long lastSequenceId = INITIAL_SEQUENCE_ID;

    /** The sequence id of the newest delta dropped for room, {@value #INITIAL_SEQUENCE_ID} while none was. */
    private long droppedThrough = INITIAL_SEQUENCE_ID;

    private final List<Consumer<List<Delta>>> followers = new CopyOnWriteArrayList<>();

    /** A log that keeps the newest {@value #DEFAULT_CAPACITY} deltas. */
    public DeltaLog() {
        this(DEFAULT_CAPACITY);
    }

    /** A log that keeps the newest {@code capacity} deltas (at least one). */
    public DeltaLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a delta log keeps at least one delta, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** How many deltas the log keeps at most. */
    public int capacity() {
        return this.capacity;
    }

    /** The sequence id of the newest delta, or {@value #INITIAL_SEQUENCE_ID} when empty. */
    public synchronized long lastSequenceId() {
        return this.lastSequenceId;
    }

    /**
     * The oldest sequence id a queue may resume after: once the log has dropped deltas, asking
     * for the deltas after an older one overflows, for some of them are no longer kept.
     */
    public synchronized long oldestResumableSequenceId() {
        return this.droppedThrough;
    }

    /**
     * Adds a delta built for its sequence id, serialized once, and hands it to every follower;
     * drops the oldest delta when the log is full.
     */
    public synchronized Delta append(LongFunction<ObjectNode> build) {
        long sequenceId = this.lastSequenceId + 1;
        Delta delta = new Delta(sequenceId, EmulatorJson.MAPPER.writeValueAsBytes(build.apply(sequenceId)));
        this.deltas.addLast(delta);
        this.lastSequenceId = sequenceId;
        while (this.deltas.size() > this.capacity) {
            this.droppedThrough = this.deltas.removeFirst().sequenceId();
        }
        List<Delta> batch = List.of(delta);
        this.followers.forEach(follower -> follower.accept(batch));
        return delta;
    }

    /**
     * Hands {@code follower} every delta after {@code sequenceId} (as one batch, when there are
     * any), then each new delta as it is appended, until the returned handle is closed.
     *
     * @throws QueueOverflowException when some delta after {@code sequenceId} is no longer kept
     */
    public AutoCloseable follow(long sequenceId, Consumer<List<Delta>> follower) {
        return follow(sequenceId, () -> {
        }, follower);
    }

    /**
     * As {@link #follow(long, Consumer)}, running {@code opened} first, under the log's lock,
     * once the queue is known to be possible: what it writes comes before the backlog.
     *
     * @throws QueueOverflowException when some delta after {@code sequenceId} is no longer kept
     *         ({@code opened} does not run)
     */
    public synchronized AutoCloseable follow(long sequenceId, Runnable opened, Consumer<List<Delta>> follower) {
        if (this.droppedThrough > INITIAL_SEQUENCE_ID && sequenceId < this.droppedThrough) {
            throw new QueueOverflowException(sequenceId, this.droppedThrough);
        }
        opened.run();
        long firstKept = this.lastSequenceId - this.deltas.size() + 1;
        List<Delta> backlog = this.deltas.stream().skip(Math.max(0, sequenceId + 1 - firstKept)).toList();
        if (!backlog.isEmpty()) {
            follower.accept(backlog);
        }
        this.followers.add(follower);
        return () -> this.followers.remove(follower);
    }

    /** The deltas a queue asks for are older than those the log keeps: Facebook's {@code ERROR_QUEUE_OVERFLOW}. */
    public static final class QueueOverflowException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        QueueOverflowException(long asked, long oldestResumable) {
            super("the deltas after " + asked + " are no longer kept; the oldest sequence id a queue may resume after is "
                    + oldestResumable);
        }
    }
}
