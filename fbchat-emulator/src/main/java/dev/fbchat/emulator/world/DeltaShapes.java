package dev.fbchat.emulator.world;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pieces Facebook's sync deltas share (docs/emulator-protocol.md, "Real-time events"): thread
 * keys as the receiver sees them, the {@code messageMetadata} of log messages, admin-text deltas,
 * and the {@code ClientPayload} wrapper. {@code /t_ms} deltas give ids as strings; the deltas
 * inside a {@code ClientPayload} give them as numbers, as Facebook does.
 */
final class DeltaShapes {

    /** The JSON inside a {@code ClientPayload}: ASCII only, every other character {@code \\uXXXX}, as Facebook writes it. */
    private static final ObjectWriter ASCII_JSON = EmulatorJson.MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    private DeltaShapes() {
    }

    /**
     * {@code threadKey} with string ids: {@code {"threadFbId"}} for a group, {@code {"otherUserFbId"}}
     * naming the other person for a one-to-one thread, as {@code receiverId} sees it.
     */
    static ObjectNode threadKey(ChatThread thread, String receiverId) {
        ObjectNode key = EmulatorJson.MAPPER.createObjectNode();
        if (thread.kind() == ThreadKind.GROUP) {
            key.put("threadFbId", thread.id());
        }
        else {
            key.put("otherUserFbId", thread.otherParticipant(receiverId));
        }
        return key;
    }

    /** {@code threadKey} with numeric ids, as inside a {@code ClientPayload}. */
    static ObjectNode numericThreadKey(ChatThread thread, String receiverId) {
        ObjectNode key = EmulatorJson.MAPPER.createObjectNode();
        if (thread.kind() == ThreadKind.GROUP) {
            putNumber(key, "threadFbId", thread.id());
        }
        else {
            putNumber(key, "otherUserFbId", thread.otherParticipant(receiverId));
        }
        return key;
    }

    /** Puts an id as a JSON number (ids are digits; anything else stays a string). */
    static void putNumber(ObjectNode json, String name, String id) {
        try {
            json.put(name, new BigInteger(id));
        }
        catch (NumberFormatException ex) {
            json.put(name, id);
        }
    }

    /** Adds an id as a JSON number to a list. */
    static void addNumber(ArrayNode list, String id) {
        try {
            list.add(new BigInteger(id));
        }
        catch (NumberFormatException ex) {
            list.add(id);
        }
    }

    /** {@code "requestContext":{"apiArgs":{}}}. */
    static void requestContext(ObjectNode delta) {
        delta.putObject("requestContext").putObject("apiArgs");
    }

    /**
     * Wraps deltas in a {@code ClientPayload} delta: {@code {"payload":[<bytes>],"class":"ClientPayload"}}
     * where the bytes are the ASCII JSON {@code {"deltas":[...]}}, one number per byte.
     */
    static ObjectNode clientPayload(ObjectNode... deltas) {
        ObjectNode inner = EmulatorJson.MAPPER.createObjectNode();
        ArrayNode list = inner.putArray("deltas");
        for (ObjectNode delta : deltas) {
            list.add(delta);
        }
        byte[] bytes = ASCII_JSON.writeValueAsString(inner).getBytes(StandardCharsets.US_ASCII);
        ObjectNode delta = EmulatorJson.MAPPER.createObjectNode();
        ArrayNode payload = delta.putArray("payload");
        for (byte b : bytes) {
            payload.add(b & 0xff);
        }
        delta.put("class", "ClientPayload");
        return delta;
    }

    /** A JSON value as a string, as Facebook nests JSON in {@code untypedData}. */
    static String json(Object value) {
        return EmulatorJson.MAPPER.writeValueAsString(value);
    }

    /**
     * A log message of a thread (a title, an admin, a call, a poll, a plan, ...): who did it, its
     * message id, when, and the thread's queue sequence ({@code tqSeqId}). One per action; each
     * receiver gets its own delta of it.
     *
     * @param thread the thread as it is after the action
     * @param actorId who did it
     * @param messageId the log message's id
     * @param offlineThreadingId its offline threading id
     * @param timestamp when, in ms
     * @param tqSeqId the thread's queue sequence id
     */
    record LogMessage(ChatThread thread, String actorId, String messageId, String offlineThreadingId, long timestamp,
            long tqSeqId) {

        /** A log message of now, by {@code actorId}, in {@code thread}. */
        static LogMessage of(ChatThread thread, String actorId, long tqSeqId) {
            return new LogMessage(thread, actorId, "mid.$" + RandomTokens.urlSafe(24), RandomTokens.digits(19),
                    System.currentTimeMillis(), tqSeqId);
        }

        boolean isGroup() {
            return this.thread.kind() == ThreadKind.GROUP;
        }

        /**
         * {@code messageMetadata} as {@code receiverId} sees it: {@code actorFbId}, {@code adminText},
         * {@code folderId}, {@code messageId}, {@code offlineThreadingId}, {@code skipBumpThread},
         * ({@code skipSnippetUpdate} in one-to-one threads), {@code tags}, {@code threadKey},
         * {@code threadReadStateEffect}, {@code timestamp} (ms, a string), {@code unsendType}.
         */
        ObjectNode metadata(String receiverId, String adminText, List<String> tags, boolean skipBumpThread,
                String threadReadStateEffect) {
            ObjectNode metadata = EmulatorJson.MAPPER.createObjectNode();
            metadata.put("actorFbId", this.actorId);
            metadata.put("adminText", adminText);
            metadata.putObject("folderId").put("systemFolderId", "INBOX");
            metadata.put("messageId", this.messageId);
            metadata.put("offlineThreadingId", this.offlineThreadingId);
            metadata.put("skipBumpThread", skipBumpThread);
            if (!isGroup()) {
                metadata.put("skipSnippetUpdate", false);
            }
            ArrayNode tagList = metadata.putArray("tags");
            tags.forEach(tagList::add);
            metadata.set("threadKey", threadKey(this.thread, receiverId));
            metadata.put("threadReadStateEffect", threadReadStateEffect);
            metadata.put("timestamp", Long.toString(this.timestamp));
            metadata.put("unsendType", "deny_log_message");
            return metadata;
        }

        /**
         * A delta of {@code class} with this log message's metadata: {@code irisSeqId},
         * {@code irisTags}, {@code messageMetadata}, then for groups {@code participants}, always
         * {@code requestContext}, for groups {@code tqSeqId}. The caller adds the class's own fields
         * and {@code class} last.
         */
        ObjectNode delta(String receiverId, long sequenceId, List<String> irisTags, String adminText, List<String> tags,
                boolean skipBumpThread, String threadReadStateEffect) {
            ObjectNode delta = EmulatorJson.MAPPER.createObjectNode();
            delta.put("irisSeqId", Long.toString(sequenceId));
            ArrayNode iris = delta.putArray("irisTags");
            irisTags.forEach(iris::add);
            delta.set("messageMetadata", metadata(receiverId, adminText, tags, skipBumpThread, threadReadStateEffect));
            if (isGroup()) {
                ArrayNode participants = delta.putArray("participants");
                this.thread.participants().forEach(participants::add);
            }
            requestContext(delta);
            if (isGroup()) {
                delta.put("tqSeqId", Long.toString(this.tqSeqId));
            }
            return delta;
        }
    }

    /**
     * How an admin text looks: its {@code type}, {@code untypedData}, and the metadata flags Facebook
     * gives that type in groups and in one-to-one threads.
     *
     * @param type the admin text's {@code type} ({@code change_thread_theme}, ...)
     * @param untypedData its data (string values, as Facebook gives them)
     * @param groupTags {@code tags} in a group
     * @param userTags {@code tags} in a one-to-one thread
     * @param skipBumpThread {@code skipBumpThread} in a group (always {@code false} one-to-one)
     * @param groupReadStateEffect {@code threadReadStateEffect} in a group
     * @param userReadStateEffect {@code threadReadStateEffect} in a one-to-one thread
     * @param fanout whether a one-to-one delta's {@code irisTags} carry {@code is_from_iris_fanout} (groups' always do)
     */
    record AdminText(String type, ObjectNode untypedData, List<String> groupTags, List<String> userTags,
            boolean skipBumpThread, String groupReadStateEffect, String userReadStateEffect, boolean fanout) {

        /** The most common look: {@code source:titan:web} in groups, {@code source:generic_admin_text} one-to-one, marks unread. */
        static AdminText of(String type, ObjectNode untypedData) {
            return new AdminText(type, untypedData, List.of("source:titan:web", "no_push"),
                    List.of("source:generic_admin_text"), false, "MARK_UNREAD", "MARK_UNREAD", false);
        }

        AdminText withTags(List<String> group, List<String> user) {
            return new AdminText(this.type, this.untypedData, group, user, this.skipBumpThread, this.groupReadStateEffect,
                    this.userReadStateEffect, this.fanout);
        }

        AdminText quiet() {
            return new AdminText(this.type, this.untypedData, this.groupTags, this.userTags, true, "KEEP_AS_IS",
                    "KEEP_AS_IS", this.fanout);
        }

        AdminText withFanout() {
            return new AdminText(this.type, this.untypedData, this.groupTags, this.userTags, this.skipBumpThread,
                    this.groupReadStateEffect, this.userReadStateEffect, true);
        }

        /**
         * The {@code AdminTextMessage} delta as {@code receiverId} sees it:
         * {@code {"irisSeqId","irisTags":["DeltaAdminTextMessage",...],"messageMetadata":{...},"participants"?,
         * "requestContext","tqSeqId"?,"type","untypedData","class":"AdminTextMessage"}}.
         */
        ObjectNode delta(LogMessage log, String receiverId, long sequenceId, String adminText) {
            boolean group = log.isGroup();
            List<String> irisTags = group || this.fanout ? List.of("DeltaAdminTextMessage", "is_from_iris_fanout")
                    : List.of("DeltaAdminTextMessage");
            ObjectNode delta = log.delta(receiverId, sequenceId, irisTags, adminText, group ? this.groupTags : this.userTags,
                    group && this.skipBumpThread, group ? this.groupReadStateEffect : this.userReadStateEffect);
            delta.put("type", this.type);
            delta.set("untypedData", this.untypedData);
            delta.put("class", "AdminTextMessage");
            return delta;
        }
    }
}
