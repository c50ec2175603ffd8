package dev.fbchat.listen;

import java.util.Arrays;
import java.util.Objects;

import dev.fbchat.event.EventParser;
import dev.fbchat.internal.MqttPayloads;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bookkeeping fields of a {@code /t_ms} message that {@link SyncState} reads: the sync token and first sequence id
 * of a queue just opened, an error code, the last sequence id issued, and each delta's sequence id. Read token by token
 * when the message has the everyday shape, so that a batch of deltas costs no tree here; read from a tree otherwise.
 * Either way every value is accepted: a field of an unexpected type reads as absent or as no sequence id, never as an
 * error.
 *
 * @param hasSyncToken whether the message has a {@code syncToken} (a queue was opened)
 * @param syncToken the sync token; {@code null} when absent or null
 * @param hasFirstDeltaSeqId whether the message has a {@code firstDeltaSeqId}
 * @param firstDeltaSeqId the sequence id of the batch's first delta, {@code -1} when absent or not a number
 * @param errorCode the error code, {@code null} when there is none
 * @param lastIssuedSeqId the last sequence id issued, {@code -1} when absent or not a number
 * @param deltaSequenceIds each delta's {@code irisSeqId} ({@code -1} where it has none); {@code null} when the message
 *        holds no list of deltas
 */
record SyncFields(boolean hasSyncToken, @Nullable String syncToken, boolean hasFirstDeltaSeqId, long firstDeltaSeqId,
        @Nullable String errorCode, long lastIssuedSeqId, long @Nullable [] deltaSequenceIds) {

    /** The fields of a message read as a tree. */
    static SyncFields of(ObjectNode message) {
        long[] sequenceIds = null;
        JsonNode deltas = message.get("deltas");
        if (deltas != null && deltas.isArray()) {
            sequenceIds = new long[deltas.size()];
            for (int i = 0; i < sequenceIds.length; i++) {
                sequenceIds[i] = number(deltas.get(i).get("irisSeqId"));
            }
        }
        JsonNode error = message.get("errorCode");
        return new SyncFields(message.has("syncToken"), text(message.get("syncToken")),
                message.has("firstDeltaSeqId"), number(message.get("firstDeltaSeqId")),
                error == null ? null : error.asString(""), number(message.get("lastIssuedSeqId")), sequenceIds);
    }

    /**
     * The fields of a message read token by token, or {@code null} when it is not of the everyday shape (not an
     * object, a bookkeeping field or a delta's {@code irisSeqId} twice, a sync token or an error code that is not a
     * text, trailing content, JSON that does not read, a payload over the parser's size limit): the caller then reads it
     * as a tree, which gives the same fields or words the error.
     */
    static @Nullable SyncFields read(byte[] payload) {
        if (payload.length == 0 || payload[0] != '{' || payload.length > EventParser.MAX_PAYLOAD_BYTES) {
            return null;
        }
        try (JsonParser parser = MqttPayloads.MAPPER.tokenStreamFactory()
            .createParser(ObjectReadContext.empty(), payload)) {
            return new Reader(parser).message();
        }
        catch (JacksonException | Unusual ex) {
            return null;
        }
    }

    // A record compares and prints its array by identity: these compare and print the sequence ids themselves.

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof SyncFields that && this.hasSyncToken == that.hasSyncToken
                && Objects.equals(this.syncToken, that.syncToken) && this.hasFirstDeltaSeqId == that.hasFirstDeltaSeqId
                && this.firstDeltaSeqId == that.firstDeltaSeqId && Objects.equals(this.errorCode, that.errorCode)
                && this.lastIssuedSeqId == that.lastIssuedSeqId
                && Arrays.equals(this.deltaSequenceIds, that.deltaSequenceIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.hasSyncToken, this.syncToken, this.hasFirstDeltaSeqId, this.firstDeltaSeqId,
                this.errorCode, this.lastIssuedSeqId, Arrays.hashCode(this.deltaSequenceIds));
    }

    @Override
    public String toString() {
        return "SyncFields[hasSyncToken=" + this.hasSyncToken + ", syncToken=" + this.syncToken
                + ", hasFirstDeltaSeqId=" + this.hasFirstDeltaSeqId + ", firstDeltaSeqId=" + this.firstDeltaSeqId
                + ", errorCode=" + this.errorCode + ", lastIssuedSeqId=" + this.lastIssuedSeqId
                + ", deltaSequenceIds=" + Arrays.toString(this.deltaSequenceIds) + "]";
    }

    /** A sync token: a text as it is, another value as its JSON text; {@code null} for none or null. */
    private static @Nullable String text(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asString("") : value.toString();
    }

    /** A sequence id as Facebook writes them (a whole number or a text of one), or {@code -1}. */
    private static long number(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return -1;
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? value.longValue() : -1;
        }
        return number(value.asString(""));
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text.strip());
        }
        catch (NumberFormatException ex) {
            return -1;
        }
    }

    /** Thrown inside {@link Reader} for a message of an unusual shape. */
    private static final class Unusual extends RuntimeException {

        Unusual() {
            super(null, null, false, false);
        }
    }

    /** One token-by-token reading of a message. */
    private static final class Reader {

        private final JsonParser parser;

        private int seen;

        Reader(JsonParser parser) {
            this.parser = parser;
        }

        SyncFields message() {
            expect(this.parser.nextToken() == JsonToken.START_OBJECT);
            boolean hasSyncToken = false;
            String syncToken = null;
            boolean hasFirst = false;
            long first = -1;
            String error = null;
            long lastIssued = -1;
            long[] sequenceIds = null;
            for (String name = this.parser.nextName(); name != null; name = this.parser.nextName()) {
                JsonToken token = this.parser.nextToken();
                switch (name) {
                    case "syncToken" -> {
                        once(1);
                        hasSyncToken = true;
                        expect(token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NULL);
                        syncToken = token == JsonToken.VALUE_STRING ? this.parser.getString() : null;
                    }
                    case "firstDeltaSeqId" -> {
                        once(2);
                        hasFirst = true;
                        first = number(token);
                    }
                    case "errorCode" -> {
                        once(4);
                        expect(token == JsonToken.VALUE_STRING);
                        error = this.parser.getString();
                    }
                    case "lastIssuedSeqId" -> {
                        once(8);
                        lastIssued = number(token);
                    }
                    case "deltas" -> {
                        once(16);
                        if (token == JsonToken.START_ARRAY) {
                            sequenceIds = sequenceIds();
                        }
                        else {
                            this.parser.skipChildren();
                        }
                    }
                    default -> this.parser.skipChildren();
                }
            }
            expect(this.parser.nextToken() == null);
            return new SyncFields(hasSyncToken, syncToken, hasFirst, first, error, lastIssued, sequenceIds);
        }

        /** The {@code irisSeqId} of each delta, the parser on the list's start. */
        private long[] sequenceIds() {
            long[] ids = new long[16];
            int count = 0;
            for (JsonToken item = this.parser.nextToken(); item != JsonToken.END_ARRAY; item = this.parser.nextToken()) {
                if (count == ids.length) {
                    ids = Arrays.copyOf(ids, count * 2);
                }
                ids[count++] = sequenceId(item);
            }
            return Arrays.copyOf(ids, count);
        }

        /** One delta's {@code irisSeqId}, the parser on the delta's first token; {@code -1} for none. */
        private long sequenceId(JsonToken item) {
            if (item != JsonToken.START_OBJECT) {
                // a delta that is not an object has no sequence id
                this.parser.skipChildren();
                return -1;
            }
            long id = -1;
            boolean found = false;
            for (String name = this.parser.nextName(); name != null; name = this.parser.nextName()) {
                JsonToken token = this.parser.nextToken();
                if (name.equals("irisSeqId")) {
                    expect(!found);
                    found = true;
                    id = number(token);
                }
                else {
                    this.parser.skipChildren();
                }
            }
            return id;
        }

        /** A sequence id, as {@link SyncFields#number(JsonNode)} reads it from a tree. */
        private long number(JsonToken token) {
            return switch (token) {
                case VALUE_STRING -> SyncFields.number(this.parser.getString());
                case VALUE_NUMBER_INT -> this.parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? -1
                        : this.parser.getLongValue();
                default -> {
                    // null, a fraction, a boolean, a list or an object: no sequence id
                    this.parser.skipChildren();
                    yield -1;
                }
            };
        }

        private void once(int bit) {
            expect((this.seen & bit) == 0);
            this.seen |= bit;
        }

        private static void expect(boolean usual) {
            if (!usual) {
                throw new Unusual();
            }
        }
    }
}
