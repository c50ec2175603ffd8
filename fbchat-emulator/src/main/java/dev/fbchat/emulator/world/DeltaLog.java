package dev.fbchat.emulator.world;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import tools.jackson.databind.node.ObjectNode;

/**
 * One account's ordered log of sync deltas, with the open sync queues that follow it. Sequence
 * ids start after {@value #INITIAL_SEQUENCE_ID} and grow by one per delta. Every follower sees
 * every delta once, in order: appending and delivering happen under one lock.
 */
public final class DeltaLog {

    /** The sequence id of an empty log. */
    public static final long INITIAL_SEQUENCE_ID = 1000;

    private final List<Delta> deltas = new ArrayList<>();

    private final List<Consumer<List<Delta>>> followers = new CopyOnWriteArrayList<>();

    /** The sequence id of the newest delta, or {@value #INITIAL_SEQUENCE_ID} when empty. */
    public synchronized long lastSequenceId() {
        return INITIAL_SEQUENCE_ID + this.deltas.size();
    }

    /** Adds a delta built for its sequence id and hands it to every follower. */
    public synchronized Delta append(LongFunction<ObjectNode> build) {
        long sequenceId = lastSequenceId() + 1;
        Delta delta = new Delta(sequenceId, build.apply(sequenceId));
        this.deltas.add(delta);
        List<Delta> batch = List.of(delta);
        this.followers.forEach(follower -> follower.accept(batch));
        return delta;
    }

    /**
     * Hands {@code follower} every delta after {@code sequenceId} (as one batch, when there are
     * any), then each new delta as it is appended, until the returned handle is closed.
     */
    public synchronized AutoCloseable follow(long sequenceId, Consumer<List<Delta>> follower) {
        int from = (int) Math.max(0, Math.min(this.deltas.size(), sequenceId - INITIAL_SEQUENCE_ID));
        List<Delta> backlog = List.copyOf(this.deltas.subList(from, this.deltas.size()));
        if (!backlog.isEmpty()) {
            follower.accept(backlog);
        }
        this.followers.add(follower);
        return () -> this.followers.remove(follower);
    }
}
