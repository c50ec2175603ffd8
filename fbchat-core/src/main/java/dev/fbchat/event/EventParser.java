package dev.fbchat.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.fbchat.ParseError;
import dev.fbchat.Session;
import dev.fbchat.internal.MqttPayloads;
import dev.fbchat.internal.parse.ClientPayloadParser;
import dev.fbchat.internal.parse.DataShapeError;
import dev.fbchat.internal.parse.DeltaParser;
import dev.fbchat.internal.parse.EventThreads;
import dev.fbchat.internal.parse.Py;
import dev.fbchat.internal.parse.StreamingDeltaReader;
import dev.fbchat.internal.parse.StreamingDeltaReader.ReadDelta;
import dev.fbchat.internal.parse.ThreadParser;
import dev.fbchat.thread.ActiveStatus;
import dev.fbchat.thread.Group;
import dev.fbchat.thread.User;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns what arrives on an MQTT topic into events: a pure function of (session, topic, payload), usable without a
 * connection, e.g. to replay captured payloads with {@code TestSessions}-like offline sessions that know only the
 * account's user id. Topics: {@code /t_ms} (deltas, admin texts, client payloads), {@code /thread_typing},
 * {@code /orca_typing_notifications}, {@code /orca_presence}, {@code /legacy_web}; anything else is an
 * {@link UnknownEvent} with its topic and data.
 *
 * <p>The work one payload can cost is bounded: at most {@value #MAX_PAYLOAD_BYTES} bytes, JSON nested at most
 * {@value #MAX_NESTING_DEPTH} deep, at most {@value #MAX_DELTAS} deltas (the sync queue asks Messenger for batches of
 * at most 1,000). A payload over a limit is a {@link ParseError} before any event is made.
 *
 * <p>A payload is UTF-8 JSON, as fbchat decodes it ({@code payload.decode("utf-8")}, then {@code json.loads}): one that
 * starts with a byte order mark, or is written in UTF-16 or UTF-32, is a {@link ParseError}, not read in another
 * encoding.
 */
public final class EventParser {

    /** The largest payload read, in bytes. */
    public static final int MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;

    /** The deepest JSON nesting read. */
    public static final int MAX_NESTING_DEPTH = 64;

    /** The most deltas read from one payload. */
    public static final int MAX_DELTAS = 1000;

    private EventParser() {
    }

    /**
     * Parses one MQTT message as fbchat's {@code parse_events} does: a malformed delta fails the whole payload.
     *
     * @throws ParseError when the payload is not JSON, is over a limit, or a known payload is malformed
     */
    public static List<Event> parse(Session session, String topic, byte[] payload) {
        List<ReadDelta> streamed = streamedDeltas(session, topic, payload);
        if (streamed != null) {
            try {
                return deltaEvents(session, streamed);
            }
            catch (RuntimeException ex) {
                // read again as a whole tree below, so that the error holds the whole payload
            }
        }
        return parse(session, topic, MqttPayloads.read(topic, payload));
    }

    /**
     * Parses one MQTT message already read as JSON, as fbchat's {@code parse_events} does.
     *
     * @throws ParseError when a known payload is malformed
     */
    public static List<Event> parse(Session session, String topic, JsonNode data) {
        try {
            if (!topic.equals("/t_ms")) {
                return List.of(parseTopic(session, topic, data));
            }
            return deltaEvents(session, asRead(deltas(data)));
        }
        catch (DataShapeError ex) {
            throw new ParseError("Error parsing MQTT topic " + topic, data, ex);
        }
        catch (ParseError ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            throw new ParseError("Error parsing MQTT topic " + topic, data, ex);
        }
    }

    /**
     * Parses one MQTT message, skipping only what is malformed: each delta (and each delta inside a client payload)
     * that cannot be read is left out and reported in {@link ParsedFrame#skipped()}, the others are kept. What the
     * listener uses, so that one bad delta never costs the rest of its batch.
     *
     * @throws ParseError when the payload as a whole cannot be read (not JSON, over a limit, no deltas)
     */
    public static ParsedFrame parseFrame(Session session, String topic, byte[] payload) {
        List<ReadDelta> streamed = streamedDeltas(session, topic, payload);
        if (streamed != null) {
            ParsedFrame frame = frame(session, streamed);
            if (frame.skipped().isEmpty()) {
                return frame;
            }
            // read again as a whole tree below, so that each skipped delta is reported whole
        }
        JsonNode data = MqttPayloads.read(topic, payload);
        if (!topic.equals("/t_ms")) {
            return new ParsedFrame(parse(session, topic, data), List.of());
        }
        List<JsonNode> deltas;
        try {
            deltas = deltas(data);
        }
        catch (ParseError ex) {
            throw new ParseError("Error parsing MQTT topic " + topic, data, ex);
        }
        return frame(session, asRead(deltas));
    }

    /** The events of {@code /t_ms} deltas as fbchat's {@code parse_events} gives them: a malformed delta fails all. */
    private static List<Event> deltaEvents(Session session, List<ReadDelta> deltas) {
        List<Event> events = new ArrayList<>();
        for (ReadDelta read : deltas) {
            if (read.parsed()) {
                events.addAll(read.events());
                continue;
            }
            JsonNode delta = Objects.requireNonNull(read.tree());
            // fbchat reads the class outside its per-delta handling: a delta without one fails the topic.
            if ("ClientPayload".equals(Py.str(Py.req(delta, "class")))) {
                ClientPayloadParser.parseAll(session, delta).stream().filter(Objects::nonNull).forEach(events::add);
                continue;
            }
            Event event = delta(session, delta);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    /** The events of {@code /t_ms} deltas, each malformed one left out and reported. */
    private static ParsedFrame frame(Session session, List<ReadDelta> deltas) {
        List<Event> events = new ArrayList<>();
        List<ParseError> skipped = new ArrayList<>();
        for (ReadDelta read : deltas) {
            if (read.parsed()) {
                events.addAll(read.events());
                continue;
            }
            JsonNode delta = Objects.requireNonNull(read.tree());
            try {
                if (!"ClientPayload".equals(Py.text(delta, "class"))) {
                    Event event = delta(session, delta);
                    if (event != null) {
                        events.add(event);
                    }
                    continue;
                }
                for (JsonNode inner : Py.iterate(Py.req(ClientPayloadParser.payload(delta), "deltas"))) {
                    try {
                        Event event = ClientPayloadParser.parseDelta(session, inner);
                        if (event != null) {
                            events.add(event);
                        }
                    }
                    catch (RuntimeException ex) {
                        skipped.add(asParseError("Error parsing ClientPayload", inner, ex));
                    }
                }
            }
            catch (RuntimeException ex) {
                skipped.add(asParseError("Error parsing delta", delta, ex));
            }
        }
        return new ParsedFrame(events, skipped);
    }

    /**
     * The events of a payload and the deltas that could not be read.
     *
     * @param events the events, in the order of the payload
     * @param skipped one error per malformed delta, each holding that delta as its data
     */
    public record ParsedFrame(List<Event> events, List<ParseError> skipped) {

        public ParsedFrame {
            events = List.copyOf(events);
            skipped = List.copyOf(skipped);
        }
    }

    /** One {@code /t_ms} delta: fbchat's {@code ParseError}s as they are, anything else as "Error parsing delta". */
    private static @Nullable Event delta(Session session, JsonNode delta) {
        try {
            return DeltaParser.parse(session, delta);
        }
        catch (DataShapeError ex) {
            throw new ParseError("Error parsing delta", delta, ex);
        }
        catch (ParseError ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            throw new ParseError("Error parsing delta", delta, ex);
        }
    }

    private static Event parseTopic(Session session, String topic, JsonNode data) {
        return switch (topic) {
            case "/thread_typing" -> new Typing(EventThreads.user(session, Py.req(data, "sender_fbid"), data),
                    new Group(session, EventThreads.id(Py.req(data, "thread"), data)), isOne(Py.req(data, "state")));
            case "/orca_typing_notifications" -> {
                User author = EventThreads.user(session, Py.req(data, "sender_fbid"), data);
                yield new Typing(author, author, isOne(Py.req(data, "state")));
            }
            case "/legacy_web" -> "jewel_requests_add".equals(Py.str(Py.req(data, "type")))
                    ? new FriendRequest(EventThreads.user(session, Py.req(data, "from"), data))
                    : new UnknownEvent("/legacy_web", data);
            case "/orca_presence" -> {
                Map<String, ActiveStatus> statuses = new LinkedHashMap<>();
                for (JsonNode entry : Py.iterate(Py.req(data, "list"))) {
                    statuses.put(EventThreads.id(Py.req(entry, "u"), entry), ThreadParser.activeStatus(entry));
                }
                JsonNode type = Py.req(data, "list_type");
                yield new Presence(statuses, type.isString() && type.stringValue().equals("full"));
            }
            default -> new UnknownEvent(topic, data);
        };
    }

    private static List<JsonNode> deltas(JsonNode data) {
        List<JsonNode> deltas = Py.iterate(Py.req(data, "deltas"));
        if (deltas.size() > MAX_DELTAS) {
            throw new ParseError("Too many deltas in one payload: " + deltas.size() + " (at most " + MAX_DELTAS + ")",
                    null);
        }
        return deltas;
    }

    /** Python's {@code value == 1}. */
    private static boolean isOne(JsonNode value) {
        return (value.isNumber() && value.doubleValue() == 1) || (value.isBoolean() && value.booleanValue());
    }

    /**
     * The deltas of a {@code /t_ms} payload read token by token (see {@link StreamingDeltaReader}), or {@code null}
     * when it is to be read as one tree.
     */
    private static @Nullable List<ReadDelta> streamedDeltas(Session session, String topic, byte[] payload) {
        if (!topic.equals("/t_ms") || payload.length > MAX_PAYLOAD_BYTES
                || !StreamingDeltaReader.worthReading(payload)) {
            return null;
        }
        return StreamingDeltaReader.deltas(session, MqttPayloads.MAPPER, payload, MAX_DELTAS);
    }

    private static List<ReadDelta> asRead(List<JsonNode> deltas) {
        List<ReadDelta> read = new ArrayList<>(deltas.size());
        for (JsonNode delta : deltas) {
            read.add(ReadDelta.unparsed(delta));
        }
        return read;
    }

    private static ParseError asParseError(String message, JsonNode data, RuntimeException ex) {
        return ex instanceof ParseError parse && !(ex instanceof DataShapeError) ? parse
                : new ParseError(message, data, ex);
    }
}
