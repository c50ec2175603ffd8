package dev.fbchat.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.fbchat.ParseError;
import dev.fbchat.Session;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.internal.parse.MessageParser;
import dev.fbchat.message.MessageData;
import dev.fbchat.thread.Group;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns what arrives on an MQTT topic into events: a pure function of (session, topic,
 * payload), usable without a connection, e.g. to replay captured payloads.
 */
public final class EventParser {

    private static final Logger log = LoggerFactory.getLogger(EventParser.class);

    private EventParser() {
    }

    /**
     * Parses one MQTT message.
     *
     * @throws ParseError when the payload is not JSON or a known payload is malformed
     */
    public static List<Event> parse(Session session, String topic, byte[] payload) {
        JsonNode data;
        try {
            data = FacebookJson.MAPPER.readTree(payload);
        }
        catch (JacksonException ex) {
            throw new ParseError("MQTT payload on " + topic + " is not JSON", payload, ex);
        }
        return parse(session, topic, data);
    }

    /**
     * Parses one MQTT message already read as JSON.
     *
     * @throws ParseError when a known payload is malformed
     */
    public static List<Event> parse(Session session, String topic, JsonNode data) {
        List<Event> events = new ArrayList<>();
        if (!topic.equals("/t_ms")) {
            events.add(new UnknownEvent("MQTT topic " + topic, data));
            return events;
        }
        for (JsonNode delta : data.path("deltas")) {
            try {
                Event event = parseDelta(session, delta);
                if (event != null) {
                    events.add(event);
                }
            }
            catch (ParseError ex) {
                throw ex;
            }
            catch (RuntimeException ex) {
                throw new ParseError("Error parsing delta", delta, ex);
            }
        }
        return events;
    }

    /** One {@code /t_ms} delta as an event, or {@code null} for deltas that mean nothing to a client. */
    static @Nullable Event parseDelta(Session session, JsonNode delta) {
        String deltaClass = delta.path("class").asString("");
        return switch (deltaClass) {
            case "NoOp" -> null;
            case "NewMessage" -> parseNewMessage(session, delta);
            default -> new UnknownEvent("Delta class", delta);
        };
    }

    private static MessageEvent parseNewMessage(Session session, JsonNode delta) {
        JsonNode metadata = required(delta, "messageMetadata");
        User author = new User(session, required(metadata, "actorFbId").asString());
        MessengerThread thread = threadOf(session, metadata);
        Instant at = Instant.ofEpochMilli(Long.parseLong(required(metadata, "timestamp").asString()));
        MessageData message = MessageParser.fromPull(thread, delta, author.id(), at);
        return new MessageEvent(author, thread, message, at);
    }

    /** The thread a delta's metadata names in its {@code threadKey}. */
    public static MessengerThread threadOf(Session session, JsonNode metadata) {
        JsonNode key = metadata.path("threadKey");
        if (key.hasNonNull("threadFbId")) {
            return new Group(session, key.get("threadFbId").asString());
        }
        if (key.hasNonNull("otherUserFbId")) {
            return new User(session, key.get("otherUserFbId").asString());
        }
        throw new ParseError("Could not find thread data", metadata);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ParseError("Missing field " + field, node);
        }
        return value;
    }
}
