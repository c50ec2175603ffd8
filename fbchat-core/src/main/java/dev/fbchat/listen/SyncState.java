package dev.fbchat.listen;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.fbchat.internal.FacebookJson;

/**
 * Where the listener is in the account's stream of deltas: the last sequence id seen and the
 * sync token of the open queue. With a token, a reconnect asks for the missed deltas
 * ({@code get_diffs}) instead of opening a new queue, so nothing is lost or repeated.
 * Thread-safe.
 */
final class SyncState {

    /** What {@link #onSyncMessage} found in a {@code /t_ms} message. */
    enum Kind {
        /** Deltas (or nothing) for the application. */
        DELTAS,
        /** The answer to opening a queue: no events in it. */
        QUEUE_OPENED,
        /** The server lost the queue; a new one must be opened. */
        QUEUE_LOST,
        /** Another error code from the server. */
        ERROR
    }

    private final String userId;

    private long sequenceId;

    private @Nullable String syncToken;

    SyncState(String userId, long sequenceId) {
        this.userId = userId;
        this.sequenceId = sequenceId;
    }

    /** Reads the bookkeeping fields of a {@code /t_ms} message and updates the state. */
    synchronized Kind onSyncMessage(JsonNode message) {
        if (message.has("syncToken") && message.has("firstDeltaSeqId")) {
            this.syncToken = message.get("syncToken").asString();
            this.sequenceId = message.get("firstDeltaSeqId").asLong() - 1;
            return Kind.QUEUE_OPENED;
        }
        if (message.has("errorCode")) {
            String error = message.get("errorCode").asString();
            if (error.equals("ERROR_QUEUE_NOT_FOUND") || error.equals("ERROR_QUEUE_OVERFLOW")) {
                this.syncToken = null;
                return Kind.QUEUE_LOST;
            }
            return Kind.ERROR;
        }
        if (message.has("lastIssuedSeqId")) {
            this.sequenceId = Math.max(this.sequenceId, message.get("lastIssuedSeqId").asLong());
        }
        return Kind.DELTAS;
    }

    /** Starts over from a fresh sequence id, dropping the queue. */
    synchronized void restartAt(long sequenceId) {
        this.sequenceId = sequenceId;
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

    /** The last sequence id seen. */
    synchronized long sequenceId() {
        return this.sequenceId;
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
