package dev.fbchat.listen;

import java.util.BitSet;
import java.util.Set;

import dev.fbchat.ParseError;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.internal.MqttPayloads;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where the listener is in the account's stream of deltas: the sequence id of the last delta delivered and the sync
 * token of the open queue. A first connect creates a queue after the sequence id fetched from GraphQL; every reconnect
 * asks for the diffs after the last delivered delta ({@code get_diffs} with the token), so that nothing is lost. Each
 * delta's sequence id ({@code irisSeqId}, else its place after the batch's {@code firstDeltaSeqId}) is remembered
 * among the newest {@value Seen#WINDOW}, so that a delta sent twice (a replay overlapping what came before) is
 * delivered once, while one that comes out of order is still delivered. Thread-safe.
 */
final class SyncState {

    /** The error codes after which the queue is gone and must be opened anew (fbchat's two). */
    static final Set<String> QUEUE_LOST_CODES = Set.of("ERROR_QUEUE_OVERFLOW", "ERROR_QUEUE_NOT_FOUND");

    /** The error code of a sync answer saying the session is no longer logged in. */
    static final String NOT_LOGGED_IN_CODE = "ERROR_NOT_LOGGED_IN";

    /** What {@link #onSyncMessage} found in a {@code /t_ms} message. */
    enum Kind {
        /** Deltas for the application (the payload holds those not delivered yet), or nothing new. */
        DELTAS,
        /** The answer to opening a queue: no events in it. */
        QUEUE_OPENED,
        /** The server dropped the queue (overflow, or not found); a new one must be opened. */
        QUEUE_LOST,
        /** The server says the session is not logged in. */
        NOT_LOGGED_IN,
        /** Another error code from the server. */
        ERROR,
        /** Not UTF-8 JSON, or over a limit of the event parser. */
        UNREADABLE
    }

    /**
     * What a {@code /t_ms} message meant.
     *
     * @param kind its kind
     * @param payload for {@link Kind#DELTAS}: the bytes to parse for events, without the deltas already delivered;
     *        {@code null} when nothing is left
     * @param detail the error code, for the error kinds; what is wrong, for {@link Kind#UNREADABLE}
     */
    record Result(Kind kind, byte @Nullable [] payload, String detail) {
    }

    private final String userId;

    private long sequenceId;

    private @Nullable String syncToken;

    private Seen seen;

    SyncState(String userId, long sequenceId) {
        this.userId = userId;
        this.sequenceId = sequenceId;
        this.seen = new Seen(sequenceId);
    }

    /**
     * Reads the bookkeeping fields of a {@code /t_ms} message, updates the state, and drops deltas seen before. Any
     * payload is taken: one that is not UTF-8 JSON within the parser's limits is {@link Kind#UNREADABLE} and moves
     * nothing, and fields of unexpected types read as absent.
     */
    synchronized Result onSyncMessage(byte[] payload) {
        ObjectNode tree = null;
        SyncFields fields = SyncFields.read(payload);
        if (fields == null) {
            JsonNode message;
            try {
                // within the parser's limits, and as UTF-8 only: a payload fbchat cannot decode moves nothing
                message = MqttPayloads.read("/t_ms", payload);
            }
            catch (ParseError ex) {
                return new Result(Kind.UNREADABLE, null, "not UTF-8 JSON within the limits");
            }
            if (!(message instanceof ObjectNode object)) {
                return new Result(Kind.DELTAS, payload, "");
            }
            tree = object;
            fields = SyncFields.of(object);
        }
        if (fields.hasSyncToken() && fields.hasFirstDeltaSeqId()) {
            // a null token, as in fbchat, leaves no queue to ask for diffs: the next request creates one
            this.syncToken = fields.syncToken();
            // fbchat keeps firstDeltaSeqId itself, which would skip that delta were the connection lost before it came.
            this.sequenceId = fields.firstDeltaSeqId() - 1;
            return new Result(Kind.QUEUE_OPENED, null, "");
        }
        String error = fields.errorCode();
        if (error != null) {
            if (QUEUE_LOST_CODES.contains(error)) {
                this.syncToken = null;
                return new Result(Kind.QUEUE_LOST, null, error);
            }
            if (error.equals(NOT_LOGGED_IN_CODE)) {
                return new Result(Kind.NOT_LOGGED_IN, null, error);
            }
            return new Result(Kind.ERROR, null, error);
        }
        return new Result(Kind.DELTAS, freshDeltas(fields, tree, payload), "");
    }

    /**
     * The payload without the deltas delivered before (the same bytes when there are none, {@code null} when none is
     * left); advances the state.
     *
     * @param tree the payload as a tree, or {@code null} when it was read token by token (it is then read as a tree
     *        only if deltas must be dropped)
     */
    private byte @Nullable [] freshDeltas(SyncFields fields, @Nullable ObjectNode tree, byte[] payload) {
        long lastIssued = fields.lastIssuedSeqId();
        long[] sequenceIds = fields.deltaSequenceIds();
        if (sequenceIds == null) {
            this.sequenceId = Math.max(this.sequenceId, lastIssued);
            return payload;
        }
        long firstInBatch = fields.firstDeltaSeqId();
        long highest = Math.max(this.sequenceId, lastIssued);
        BitSet fresh = new BitSet(sequenceIds.length);
        for (int index = 0; index < sequenceIds.length; index++) {
            long sequence = sequenceIds[index];
            if (sequence < 0 && firstInBatch > 0) {
                sequence = firstInBatch + index;
            }
            if (sequence >= 0 && !this.seen.add(sequence)) {
                continue; // delivered before: a replay that overlapped
            }
            fresh.set(index);
            highest = Math.max(highest, sequence);
        }
        this.sequenceId = highest;
        int kept = fresh.cardinality();
        if (kept == sequenceIds.length) {
            return payload;
        }
        if (kept == 0) {
            return null;
        }
        ObjectNode trimmed = (tree != null ? tree : (ObjectNode) MqttPayloads.read("/t_ms", payload)).deepCopy();
        ArrayNode deltas = FacebookJson.MAPPER.createArrayNode();
        JsonNode all = trimmed.get("deltas");
        for (int index = fresh.nextSetBit(0); index >= 0; index = fresh.nextSetBit(index + 1)) {
            deltas.add(all.get(index));
        }
        trimmed.set("deltas", deltas);
        return FacebookJson.MAPPER.writeValueAsBytes(trimmed);
    }

    /**
     * Starts over from a fresh sequence id, dropping the queue: the next queue request creates a new one. The id may
     * be lower than before (a server that lost its state starts counting again).
     */
    synchronized void restartAt(long sequenceId) {
        this.sequenceId = sequenceId;
        this.seen = new Seen(sequenceId);
        this.syncToken = null;
    }

    /** The topic and payload that (re)open the queue: create it, or fetch the diffs since the last delta. */
    synchronized Publication queueRequest() {
        ObjectNode payload = FacebookJson.MAPPER.createObjectNode();
        payload.put("sync_api_version", 10);
        payload.put("max_deltas_able_to_process", 1000);
        payload.put("delta_batch_size", 500);
        payload.put("encoding", "JSON");
        payload.put("entity_fbid", this.userId);
        if (this.syncToken == null) {
            payload.put("initial_titan_sequence_id", Long.toString(this.sequenceId));
            payload.putNull("device_params");
            return new Publication("/messenger_sync_create_queue", payload);
        }
        payload.put("last_seq_id", Long.toString(this.sequenceId));
        payload.put("sync_token", this.syncToken);
        return new Publication("/messenger_sync_get_diffs", payload);
    }

    /** The sequence id of the last delta delivered. */
    synchronized long sequenceId() {
        return this.sequenceId;
    }

    /** Whether a queue is open (its sync token known). */
    synchronized boolean hasQueue() {
        return this.syncToken != null;
    }

    /**
     * The sequence ids delivered among the newest {@value #WINDOW}: a ring of bits. An id older than the window counts
     * as delivered.
     */
    static final class Seen {

        static final int WINDOW = 1 << 14;

        private final BitSet bits = new BitSet(WINDOW);

        private long highest;

        Seen(long start) {
            this.highest = start;
        }

        /** Marks {@code sequence} delivered; returns whether it was new. */
        boolean add(long sequence) {
            if (sequence <= this.highest - WINDOW) {
                return false;
            }
            if (sequence > this.highest) {
                if (sequence - this.highest >= WINDOW) {
                    this.bits.clear();
                }
                else {
                    for (long slot = this.highest + 1; slot <= sequence; slot++) {
                        this.bits.clear(index(slot)); // the slot held an id now out of the window
                    }
                }
                this.highest = sequence;
            }
            else if (this.bits.get(index(sequence))) {
                return false;
            }
            this.bits.set(index(sequence));
            return true;
        }

        private static int index(long sequence) {
            return (int) Math.floorMod(sequence, (long) WINDOW);
        }
    }

    /**
     * A message to publish.
     *
     * @param topic where
     * @param payload what
     */
    record Publication(String topic, JsonNode payload) {

        byte[] bytes() {
            return FacebookJson.MAPPER.writeValueAsBytes(this.payload);
        }
    }
}
