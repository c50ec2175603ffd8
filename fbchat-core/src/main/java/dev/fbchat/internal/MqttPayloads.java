package dev.fbchat.internal;

import dev.fbchat.ParseError;
import dev.fbchat.event.EventParser;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads MQTT payloads as fbchat reads them, UTF-8 JSON ({@code payload.decode("utf-8")}, then {@code json.loads}),
 * within {@link EventParser}'s limits: at most {@value EventParser#MAX_PAYLOAD_BYTES} bytes, nested at most
 * {@value EventParser#MAX_NESTING_DEPTH} deep. A payload with a byte order mark, or in UTF-16 or UTF-32, is not read in
 * another encoding. Every reading of a received payload goes through here, so that none costs more than the limits
 * allow.
 */
public final class MqttPayloads {

    /**
     * The mapper of payloads, with the limits and without guessing at encodings. Payloads are read on the few
     * long-lived threads that receive them, where a per-thread buffer pool costs the least: each parser borrows its
     * buffers without the hand-over of a shared pool.
     */
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
        .disable(TokenStreamFactory.Feature.CHARSET_DETECTION)
        .recyclerPool(JsonRecyclerPools.threadLocalPool())
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(EventParser.MAX_NESTING_DEPTH)
            .maxDocumentLength(EventParser.MAX_PAYLOAD_BYTES)
            .build())
        .build()).build();

    private MqttPayloads() {
    }

    /**
     * The payload as a tree.
     *
     * @throws ParseError when it is over a limit, empty, or not UTF-8 JSON; the message says which, without the payload
     */
    public static JsonNode read(String topic, byte[] payload) {
        if (payload.length > EventParser.MAX_PAYLOAD_BYTES) {
            throw new ParseError("MQTT payload on " + topic + " is " + payload.length + " bytes, over the limit of "
                    + EventParser.MAX_PAYLOAD_BYTES, null);
        }
        if (startsWithByteOrderMark(payload)) {
            // Python's json.loads refuses the character a UTF-8 byte order mark decodes to
            throw new ParseError("MQTT payload on " + topic + " starts with a byte order mark: not JSON", null);
        }
        try {
            JsonNode data = MAPPER.readTree(payload);
            if (data == null || data.isMissingNode()) {
                throw new ParseError("MQTT payload on " + topic + " is empty", null);
            }
            return data;
        }
        catch (JacksonException ex) {
            // The payload is left out: it can be large, and its text would say nothing the cause does not.
            throw new ParseError("MQTT payload on " + topic + " is not JSON within the limits: "
                    + ex.getOriginalMessage(), null, ex);
        }
    }

    private static boolean startsWithByteOrderMark(byte[] payload) {
        return payload.length >= 3 && payload[0] == (byte) 0xEF && payload[1] == (byte) 0xBB
                && payload[2] == (byte) 0xBF;
    }
}
