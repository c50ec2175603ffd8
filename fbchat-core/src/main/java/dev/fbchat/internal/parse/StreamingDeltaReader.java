package dev.fbchat.internal.parse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.fbchat.Session;
import dev.fbchat.event.Event;
import dev.fbchat.event.MessageEvent;
import dev.fbchat.event.UnknownEvent;
import dev.fbchat.message.EmojiSize;
import dev.fbchat.message.Mention;
import dev.fbchat.message.MessageData;
import dev.fbchat.thread.Group;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.Named;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reads a {@code /t_ms} payload token by token, so that a delta costs less than a JSON tree of its bytes:
 * <ul>
 * <li>a {@code NewMessage} delta of the everyday shape becomes its {@link MessageEvent} straight from the tokens, its
 * unused fields skipped unread;</li>
 * <li>a delta of one of the other classes {@link DeltaParser} knows (admin texts, receipts, folders, names,
 * participants, ...) is read as a sparse tree, holding only the fields {@link DeltaParser} reads (see
 * {@link #KEPT}), and parsed from it; when that gives an {@link UnknownEvent}, which carries the whole delta, the delta
 * is read again whole;</li>
 * <li>a {@code ClientPayload} whose {@code payload} is a list of character codes is decoded from the tokens, without a
 * node per code, and the JSON it spells is parsed by {@link ClientPayloadParser};</li>
 * <li>any other delta (an unknown class, a {@code ClientPayload} of another shape), and a {@code NewMessage} of any other
 * shape, is read whole from its own bytes as a tree, for {@link DeltaParser}.</li>
 * </ul>
 *
 * <p>The everyday shape is what {@link DeltaParser} reads without a branch that could fail: a {@code messageMetadata}
 * object whose {@code actorFbId}, {@code messageId} and {@code threadFbId} or {@code otherUserFbId} are texts (ids of
 * digits), whose {@code timestamp} is digits, whose {@code tags} are texts; a text or null {@code body}; a
 * {@code data} object with a text {@code prng}, or none; and no field twice. The event is made by the same
 * {@link MessageParser} code as from a tree, so both ways give the same event.
 *
 * <p>Gives {@code null} for anything else about the payload (one that does not start with <code>{</code>, no or
 * several {@code deltas} lists, an item that is not an object, more deltas than allowed, JSON that does not read,
 * anything that fails): the caller then reads the payload as one tree, which also words every error.
 *
 * <p>One leniency: Jackson checks the UTF-8 of a string it skips unread for well-formed sequences, but not for an
 * encoded surrogate (bytes {@code ED A0}..{@code ED BF}), which decoding the string, as a tree does, refuses. A payload
 * holding one only in a field no parser reads gives its events here instead of a {@code ParseError}; checking every
 * byte for it would cost more than the reading it saves.
 */
public final class StreamingDeltaReader {

    /** The name of a delta's class, quoted. */
    private static final byte[] CLASS_NAME = "\"class\"".getBytes(StandardCharsets.US_ASCII);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * The fields of a delta that {@link DeltaParser} reads for a class other than {@code NewMessage} and
     * {@code ClientPayload}, besides {@code class} and the {@code actorFbId}, {@code timestamp} and {@code threadKey} of
     * {@code messageMetadata}: a sparse tree holds these, as they are, and nothing else. A parser that comes to read
     * another field must have it added here: a field it requires would only fail the sparse tree and have the payload
     * read again whole, but one it reads if present ({@code Py.has}, {@code Py.get}) would be silently missed.
     */
    static final List<String> KEPT = List.of("type", "untypedData", "threadKey", "messageId", "actorFbId",
            "messageIds", "deliveredWatermarkTimestampMs", "actionTimestampMs", "actionTimestamp", "folder", "folders",
            "timestamp", "name", "addedParticipants", "leftParticipantFbId", "threadKeys");

    /**
     * The fields of an admin text's {@code untypedData} that {@link AdminTextParser} and {@link PlanParser} read: a
     * sparse tree holds these and nothing else of it. As for {@link #KEPT}, a field they come to read must be added.
     */
    static final Set<String> KEPT_UNTYPED = Set.of("theme_color", "thread_icon", "nickname", "participant_id",
            "ADMIN_EVENT", "TARGET_ID", "APPROVAL_MODE", "event", "call_duration", "event_type", "question_json",
            "added_option_ids", "removed_option_ids", "guest_status", "guest_state_list", "event_id", "event_time",
            "event_title", "event_location_name", "event_location_id", "event_creator_id");

    /** The classes read as a sparse tree: every class {@link DeltaParser} knows but {@code NewMessage}. */
    private static final Set<String> SPARSE_CLASSES = Set.of("AdminTextMessage", "ParticipantsAddedToGroupThread",
            "ParticipantLeftGroupThread", "MarkFolderSeen", "ThreadName", "ForcedFetch", "DeliveryReceipt",
            "ReadReceipt", "MarkRead", "NoOp", "ThreadFolder");

    /** The classes read token by token, as bytes. */
    private static final byte[][] STREAMED_CLASS_NAMES = Stream.concat(
            Stream.of("NewMessage", "ClientPayload"), SPARSE_CLASSES.stream())
        .map(name -> name.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

    // The names read, by their index in a matcher: those of a NewMessage, then those kept in a sparse tree; the names
    // after them are known ones skipped, matched quickly.
    private static final int CLASS = 0;
    private static final int BODY = 1;
    private static final int DATA = 2;
    private static final int ATTACHMENTS = 3;
    private static final int MESSAGE_METADATA = 4;
    private static final int PAYLOAD = 5;
    private static final int FIRST_KEPT = 6;
    private static final int SKIPPED = FIRST_KEPT + KEPT.size();
    private static final PropertyNameMatcher DELTA = matcher(Stream.of(
            List.of("class", "body", "data", "attachments", "messageMetadata", "payload"), KEPT,
            List.of("irisSeqId", "irisTags", "requestContext", "participants", "tqSeqId"))
        .flatMap(List::stream).toArray(String[]::new));

    private static final int ACTOR_FB_ID = 0;
    private static final int MESSAGE_ID = 1;
    private static final int TIMESTAMP = 2;
    private static final int TAGS = 3;
    private static final int THREAD_KEY = 4;
    private static final PropertyNameMatcher METADATA = matcher("actorFbId", "messageId", "timestamp", "tags",
            "threadKey", "folderId", "offlineThreadingId", "skipBumpThread", "skipSnippetUpdate",
            "threadReadStateEffect", "cid", "unsendType");

    private static final int THREAD_FB_ID = 0;
    private static final int OTHER_USER_FB_ID = 1;
    private static final PropertyNameMatcher THREAD_KEY_FIELDS = matcher("threadFbId", "otherUserFbId");

    private StreamingDeltaReader() {
    }

    /**
     * One delta as read: either parsed already (its events: one, or several for a {@code ClientPayload}, or none for a
     * delta that gives none), or read as a whole tree for {@link DeltaParser}.
     *
     * @param events the events of a parsed delta, empty when it gives none or is not parsed yet
     * @param tree the delta still to parse, {@code null} when it is parsed
     */
    public record ReadDelta(List<Event> events, @Nullable JsonNode tree) {

        public ReadDelta {
            events = List.copyOf(events);
        }

        /** A delta parsed into at most one event. */
        static ReadDelta of(@Nullable Event event) {
            return new ReadDelta(event == null ? List.of() : List.of(event), null);
        }

        /** A delta to parse from its tree. */
        public static ReadDelta unparsed(JsonNode tree) {
            return new ReadDelta(List.of(), tree);
        }

        /** Whether the delta is parsed already. */
        public boolean parsed() {
            return this.tree == null;
        }
    }

    /**
     * Whether reading the payload token by token is worth starting: whether the last {@code "class"} name in it
     * (Facebook writes a delta's class last, so this is found within the last few bytes) names a {@code NewMessage}, a
     * {@code ClientPayload} or a class read as a sparse tree. A payload for which this says no is read as a tree, which gives the same events.
     */
    public static boolean worthReading(byte[] payload) {
        if (payload.length == 0 || payload[0] != '{') {
            return false;
        }
        int at = lastIndexOf(payload, CLASS_NAME);
        if (at < 0) {
            return false;
        }
        int i = skipSpace(payload, at + CLASS_NAME.length);
        if (i >= payload.length || payload[i] != ':') {
            return false;
        }
        i = skipSpace(payload, i + 1);
        if (i >= payload.length || payload[i] != '"') {
            return false;
        }
        int end = i + 1;
        while (end < payload.length && payload[end] != '"' && payload[end] != '\\') {
            end++;
        }
        if (end >= payload.length || payload[end] != '"') {
            return false;
        }
        for (byte[] name : STREAMED_CLASS_NAMES) {
            if (Arrays.equals(payload, i + 1, end, name, 0, name.length)) {
                return true;
            }
        }
        return false;
    }

    private static int lastIndexOf(byte[] payload, byte[] text) {
        for (int i = payload.length - text.length; i >= 0; i--) {
            if (payload[i] == '"' && payload[i + 1] == text[1]
                    && Arrays.equals(payload, i, i + text.length, text, 0, text.length)) {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpace(byte[] payload, int from) {
        int i = from;
        while (i < payload.length && (payload[i] == ' ' || payload[i] == '\n' || payload[i] == '\r'
                || payload[i] == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * The deltas of a payload, or {@code null} when it is to be read as a tree.
     *
     * @param session the account the events are for
     * @param mapper reads the payload, with its limits
     * @param payload the bytes, a UTF-8 JSON object starting at the first byte
     * @param maxDeltas the most deltas read
     */
    public static @Nullable List<ReadDelta> deltas(Session session, JsonMapper mapper, byte[] payload, int maxDeltas) {
        // no data binding is needed while reading tokens: a parser without one is cheaper to make
        try (JsonParser parser = mapper.tokenStreamFactory().createParser(ObjectReadContext.empty(), payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            List<ReadDelta> deltas = null;
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                JsonToken value = parser.nextToken();
                if (!name.equals("deltas")) {
                    parser.skipChildren();
                    continue;
                }
                if (deltas != null || value != JsonToken.START_ARRAY) {
                    return null;
                }
                deltas = new ArrayList<>();
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    if (deltas.size() == maxDeltas) {
                        return null;
                    }
                    ReadDelta delta = delta(session, mapper, parser, payload);
                    if (delta == null) {
                        return null;
                    }
                    deltas.add(delta);
                }
                if (!parser.hasToken(JsonToken.END_ARRAY)) {
                    return null;
                }
            }
            requireEndOfObject(parser);
            return parser.nextToken() == null ? deltas : null;
        }
        catch (RuntimeException ex) {
            // JacksonException and anything the message parsers throw: the tree path words it
            return null;
        }
    }

    /** One delta, the parser on its start; the parser is left on its end. */
    private static @Nullable ReadDelta delta(Session session, JsonMapper mapper, JsonParser parser, byte[] payload) {
        long start = parser.currentTokenLocation().getByteOffset();
        DeltaFields fields = new DeltaFields();
        for (int field = nextField(parser, DELTA); field != PropertyNameMatcher.MATCH_END_OBJECT;
                field = nextField(parser, DELTA)) {
            fields.read(field, parser.nextToken(), parser);
        }
        if (fields.everydayMessage()) {
            return ReadDelta.of(fields.messageEvent(session));
        }
        if (fields.sparse()) {
            Event event = DeltaParser.parse(session, fields.sparseTree());
            if (!(event instanceof UnknownEvent)) {
                return ReadDelta.of(event);
            }
        }
        String clientPayload = fields.clientPayload();
        if (clientPayload != null) {
            // a malformed one fails here, and the caller reads the payload again as a tree, which words the error
            List<Event> events = new ArrayList<>();
            for (Event event : ClientPayloadParser.parseAll(session, clientPayload)) {
                if (event != null) {
                    events.add(event);
                }
            }
            return new ReadDelta(events, null);
        }
        long end = parser.currentLocation().getByteOffset();
        if (start < 0 || end <= start || end > payload.length) {
            return null;
        }
        return ReadDelta.unparsed(mapper.readTree(payload, (int) start, (int) (end - start)));
    }

    /**
     * What a delta holds, collected field by field: the fields of a {@code NewMessage}, checked for the everyday shape
     * (any other shape marks the delta unusual), and the {@link #KEPT} ones as they are.
     */
    private static final class DeltaFields {

        private boolean unusual;

        private int seen;

        private @Nullable String deltaClass;

        private @Nullable String body;

        private @Nullable String prng;

        private @Nullable JsonNode attachments;

        private boolean metadata;

        private boolean threadKey;

        private @Nullable String actorFbId;

        private @Nullable String messageId;

        private @Nullable String threadFbId;

        private @Nullable String otherUserFbId;

        private long timestamp = -1;

        private @Nullable List<String> tags;

        private @Nullable String payload;

        private @Nullable ObjectNode kept;

        /** Reads one field of the delta, the parser on its value. */
        void read(int field, JsonToken token, JsonParser parser) {
            if (field >= FIRST_KEPT && field < SKIPPED) {
                String name = KEPT.get(field - FIRST_KEPT);
                JsonNode value = name.equals("untypedData") && token == JsonToken.START_OBJECT ? untypedData(parser)
                        : value(parser, token);
                if (this.kept == null) {
                    this.kept = NODES.objectNode();
                }
                // a repeated name keeps its last value, as in a tree
                this.kept.set(name, value);
                return;
            }
            switch (field) {
                case CLASS -> {
                    if (first(0, parser)) {
                        deltaClass = text(token, parser);
                    }
                }
                case BODY -> {
                    if (first(1, parser)) {
                        body = token == JsonToken.VALUE_NULL ? null : text(token, parser);
                    }
                }
                case DATA -> {
                    if (first(2, parser)) {
                        if (token == JsonToken.START_OBJECT) {
                            data(parser);
                        }
                        else if (token != JsonToken.VALUE_NULL) {
                            unusual(parser);
                        }
                    }
                }
                case ATTACHMENTS -> {
                    if (first(3, parser)) {
                        attachments = value(parser, token);
                    }
                }
                case MESSAGE_METADATA -> {
                    if (first(4, parser)) {
                        if (token == JsonToken.START_OBJECT) {
                            metadata = true;
                            metadata(parser);
                        }
                        else {
                            unusual(parser);
                        }
                    }
                }
                case PAYLOAD -> {
                    if (first(13, parser)) {
                        payload = characters(token, parser);
                    }
                }
                default -> parser.skipChildren();
            }
        }

        /** The {@link #KEPT_UNTYPED} fields of {@code untypedData}, the parser on its start. */
        private static ObjectNode untypedData(JsonParser parser) {
            ObjectNode untyped = NODES.objectNode();
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                JsonToken token = next(parser);
                if (KEPT_UNTYPED.contains(name)) {
                    untyped.set(name, value(parser, token));
                }
                else {
                    parser.skipChildren();
                }
            }
            requireEndOfObject(parser);
            return untyped;
        }

        /** The fields of {@code messageMetadata}, the parser on its start. */
        private void metadata(JsonParser parser) {
            for (int field = nextField(parser, METADATA); field != PropertyNameMatcher.MATCH_END_OBJECT;
                    field = nextField(parser, METADATA)) {
                JsonToken token = parser.nextToken();
                switch (field) {
                    case ACTOR_FB_ID -> {
                        if (first(5, parser)) {
                            actorFbId = id(token, parser);
                        }
                    }
                    case MESSAGE_ID -> {
                        if (first(6, parser)) {
                            messageId = text(token, parser);
                        }
                    }
                    case TIMESTAMP -> {
                        if (first(7, parser)) {
                            timestamp = millis(token, parser);
                        }
                    }
                    case TAGS -> {
                        if (first(8, parser)) {
                            tags = tags(token, parser);
                        }
                    }
                    case THREAD_KEY -> {
                        if (first(9, parser)) {
                            if (token == JsonToken.START_OBJECT) {
                                threadKey = true;
                                threadKey(parser);
                            }
                            else {
                                unusual(parser);
                            }
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        }

        private void threadKey(JsonParser parser) {
            for (int field = nextField(parser, THREAD_KEY_FIELDS); field != PropertyNameMatcher.MATCH_END_OBJECT;
                    field = nextField(parser, THREAD_KEY_FIELDS)) {
                JsonToken token = parser.nextToken();
                switch (field) {
                    case THREAD_FB_ID -> {
                        if (first(10, parser)) {
                            threadFbId = id(token, parser);
                        }
                    }
                    case OTHER_USER_FB_ID -> {
                        if (first(11, parser)) {
                            otherUserFbId = id(token, parser);
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        }

        private void data(JsonParser parser) {
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                JsonToken token = parser.nextToken();
                if (name.equals("prng") && first(12, parser)) {
                    prng = token == JsonToken.VALUE_NULL ? null : text(token, parser);
                }
                else {
                    parser.skipChildren();
                }
            }
            requireEndOfObject(parser);
        }

        /**
         * A client payload's {@code payload}, a list of character codes, as the text it spells (Python's {@code chr} of
         * each); anything else in it (a code out of range, a boolean, a text, ...) makes the delta unusual, for the tree
         * to read.
         */
        private @Nullable String characters(JsonToken token, JsonParser parser) {
            if (token != JsonToken.START_ARRAY) {
                return unusual(parser);
            }
            StringBuilder text = new StringBuilder();
            boolean codes = true;
            for (JsonToken item = next(parser); item != JsonToken.END_ARRAY; item = next(parser)) {
                if (codes && item == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
                    int code = parser.getIntValue();
                    if (code >= 0 && code <= Character.MAX_CODE_POINT) {
                        text.appendCodePoint(code);
                        continue;
                    }
                }
                // the rest of the list is still read through, so that the parser stays in place
                codes = false;
                parser.skipChildren();
            }
            if (!codes) {
                unusual = true;
            }
            return codes ? text.toString() : null;
        }

        /** The text of a {@code ClientPayload} of the usual shape, or {@code null}. */
        @Nullable String clientPayload() {
            return !unusual && "ClientPayload".equals(deltaClass) ? payload : null;
        }

        /** Whether the delta is a {@code NewMessage} of the everyday shape. */
        boolean everydayMessage() {
            return !unusual && metadata && "NewMessage".equals(deltaClass) && actorFbId != null && messageId != null
                    && timestamp >= 0 && (threadFbId != null || otherUserFbId != null);
        }

        /**
         * Whether the delta is of a class read as a sparse tree, with nothing unusual in what the tree takes from the
         * {@code NewMessage} fields ({@code class} and {@code messageMetadata}).
         */
        boolean sparse() {
            return !unusual && deltaClass != null && SPARSE_CLASSES.contains(deltaClass);
        }

        /**
         * The delta as a sparse tree: its class, the {@code actorFbId}, {@code timestamp} and {@code threadKey} of its
         * {@code messageMetadata}, and the {@link #KEPT} fields.
         */
        JsonNode sparseTree() {
            ObjectNode tree = this.kept != null ? this.kept : NODES.objectNode();
            tree.put("class", deltaClass);
            if (metadata) {
                ObjectNode read = tree.putObject("messageMetadata");
                if (actorFbId != null) {
                    read.put("actorFbId", actorFbId);
                }
                if (timestamp >= 0) {
                    read.put("timestamp", timestamp);
                }
                if (threadKey) {
                    ObjectNode key = read.putObject("threadKey");
                    if (threadFbId != null) {
                        key.put("threadFbId", threadFbId);
                    }
                    if (otherUserFbId != null) {
                        key.put("otherUserFbId", otherUserFbId);
                    }
                }
            }
            return tree;
        }

        /** The event of an everyday {@code NewMessage}, made as {@link DeltaParser} makes it from a tree. */
        MessageEvent messageEvent(Session session) {
            User author = new User(session, actorFbId);
            MessengerThread thread = threadFbId != null ? new Group(session, threadFbId)
                    : new User(session, otherUserFbId);
            Instant at = Py.millisToDatetime(LongNode.valueOf(timestamp));
            List<Mention> mentions = prng != null && !prng.isEmpty() ? MessageParser.pullMentions(prng) : List.of();
            MessageParser.PullAttachments read = Py.truthy(attachments) ? MessageParser.pullAttachments(attachments)
                    : MessageParser.PullAttachments.NONE;
            return new MessageEvent(author, thread,
                    MessageParser.pulled(thread, messageId, author.id(), at, body, EmojiSize.fromTags(tags),
                            MessageData.isForwardedFromTags(tags), mentions, read), at);
        }

        /**
         * Whether field number {@code bit} is met for the first time; a second time makes the delta unusual and skips
         * the value.
         */
        private boolean first(int bit, JsonParser parser) {
            int mask = 1 << bit;
            if ((seen & mask) != 0) {
                unusual(parser);
                return false;
            }
            seen |= mask;
            return true;
        }

        /** A text value; anything else makes the delta unusual. */
        private @Nullable String text(JsonToken token, JsonParser parser) {
            return token == JsonToken.VALUE_STRING ? parser.getString() : unusual(parser);
        }

        /** An id given as text of digits; anything else makes the delta unusual. */
        private @Nullable String id(JsonToken token, JsonParser parser) {
            if (token == JsonToken.VALUE_STRING) {
                String id = parser.getString();
                if (Py.isAsciiDigits(id, Integer.MAX_VALUE)) {
                    return id;
                }
            }
            return unusual(parser);
        }

        /** A time in milliseconds given as text of at most 18 digits or as a whole number. */
        private long millis(JsonToken token, JsonParser parser) {
            if (token == JsonToken.VALUE_STRING) {
                String text = parser.getString();
                if (Py.isAsciiDigits(text, 18)) {
                    return Long.parseLong(text);
                }
            }
            else if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                long value = parser.getLongValue();
                if (value >= 0) {
                    return value;
                }
            }
            unusual(parser);
            return -1;
        }

        /** Tags: a list of texts, or null for none. */
        private @Nullable List<String> tags(JsonToken token, JsonParser parser) {
            if (token == JsonToken.START_ARRAY) {
                List<String> list = new ArrayList<>();
                boolean texts = true;
                for (JsonToken item = next(parser); item != JsonToken.END_ARRAY; item = next(parser)) {
                    if (item != JsonToken.VALUE_STRING) {
                        // the rest of the list is still read through, so that the parser stays in place
                        texts = false;
                        parser.skipChildren();
                    }
                    else if (texts) {
                        list.add(parser.getString());
                    }
                }
                if (!texts) {
                    unusual = true;
                }
                return texts ? list : null;
            }
            if (token != JsonToken.VALUE_NULL) {
                unusual(parser);
            }
            return null;
        }

        /** Marks the delta unusual and skips the rest of the value the parser is in. */
        private <T> @Nullable T unusual(JsonParser parser) {
            unusual = true;
            parser.skipChildren();
            return null;
        }
    }

    /**
     * The index in {@code matcher} of the next field's name, {@link PropertyNameMatcher#MATCH_UNKNOWN_NAME} for a name
     * not in it, or {@link PropertyNameMatcher#MATCH_END_OBJECT} at the object's end.
     */
    private static int nextField(JsonParser parser, PropertyNameMatcher matcher) {
        int field = parser.nextNameMatch(matcher);
        if (field == PropertyNameMatcher.MATCH_ODD_TOKEN) {
            throw new IllegalStateException("Expected a name or the end of an object: " + parser.currentToken());
        }
        return field;
    }

    /** The next token; the end of the input within a value is an error. */
    private static JsonToken next(JsonParser parser) {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new IllegalStateException("The payload ends within a value");
        }
        return token;
    }

    private static void requireEndOfObject(JsonParser parser) {
        if (!parser.hasToken(JsonToken.END_OBJECT)) {
            throw new IllegalStateException("Expected the end of an object: " + parser.currentToken());
        }
    }

    private static PropertyNameMatcher matcher(String... names) {
        return new JsonFactory().constructNameMatcher(Arrays.stream(names).map(Named::fromString).toList(), false);
    }

    /**
     * A value as a tree node, as {@link JsonMapper#readTree} makes it: a repeated name keeps its last value, whole
     * numbers are int, long or big integer nodes by size, other numbers double nodes.
     */
    private static JsonNode value(JsonParser parser, JsonToken token) {
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                    object.set(name, value(parser, next(parser)));
                }
                requireEndOfObject(parser);
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken item = next(parser); item != JsonToken.END_ARRAY; item = next(parser)) {
                    array.add(value(parser, item));
                }
                yield array;
            }
            case VALUE_STRING -> StringNode.valueOf(parser.getString());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.getInstance();
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            default -> throw new IllegalStateException("Unexpected token " + token);
        };
    }
}
