package dev.fbchat.internal.parse;

import java.util.ArrayList;
import java.util.List;

import dev.fbchat.ParseError;
import dev.fbchat.Session;
import dev.fbchat.attachment.LiveLocationAttachment;
import dev.fbchat.event.Event;
import dev.fbchat.event.LiveLocationEvent;
import dev.fbchat.event.MessageReplyEvent;
import dev.fbchat.event.ReactionEvent;
import dev.fbchat.event.UnknownEvent;
import dev.fbchat.event.UnsendEvent;
import dev.fbchat.event.UserStatusEvent;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.message.Message;
import dev.fbchat.thread.MessengerThread;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Parses {@code ClientPayload} deltas: a JSON document sent as a list of character codes, holding further deltas
 * (reactions, unsends, replies, viewer status, live locations) ({@code parse_client_payloads} and
 * {@code parse_client_delta} in fbchat).
 */
public final class ClientPayloadParser {

    /** The names of the deltas a client payload holds, as fbchat looks for them. */
    private static final List<String> DELTA_NAMES = List.of("deltaMessageReaction", "deltaChangeViewerStatus",
            "liveLocationData", "deltaRecallMessageData", "deltaMessageReply");

    private ClientPayloadParser() {
    }

    /**
     * The decoded payload of a {@code ClientPayload} delta: each number of {@code payload} is one character (Python's
     * {@code chr}, which takes a boolean as 0 or 1). No characters (an empty list, text or object) are an empty text,
     * which is not JSON.
     */
    public static JsonNode payload(JsonNode data) {
        return FacebookJson.parse(text(data));
    }

    /** The characters the codes of {@code payload} spell, before they are read as JSON. */
    private static String text(JsonNode data) {
        List<JsonNode> codes = Py.iterate(Py.req(data, "payload"));
        StringBuilder text = new StringBuilder(codes.size());
        for (JsonNode code : codes) {
            if (code.isInt() && code.intValue() >= 0) {
                // the usual case, a small number: no other check needed below
                text.appendCodePoint(checkedCodePoint(code.intValue(), data));
                continue;
            }
            if (code.isBoolean()) {
                text.appendCodePoint(code.booleanValue() ? 1 : 0);
                continue;
            }
            if (!code.isIntegralNumber()) {
                throw new DataShapeError("Not a character code: " + code, data);
            }
            long value = Py.toInt(code);
            text.appendCodePoint(checkedCodePoint(value, data));
        }
        return text.toString();
    }

    private static int checkedCodePoint(long value, JsonNode data) {
        if (value < 0 || value > Character.MAX_CODE_POINT) {
            throw new DataShapeError("Not a character code: " + value, data);
        }
        return (int) value;
    }

    /** The events of every delta inside a {@code ClientPayload}; a malformed one fails them all, as in fbchat. */
    public static List<@Nullable Event> parseAll(Session session, JsonNode data) {
        return parseDeltas(session, payload(data));
    }

    /**
     * The events of every delta inside a {@code ClientPayload} whose codes are already decoded into {@code text}, as
     * {@link #parseAll(Session, JsonNode)} gives them.
     */
    public static List<@Nullable Event> parseAll(Session session, String text) {
        return parseDeltas(session, FacebookJson.parse(text));
    }

    private static List<@Nullable Event> parseDeltas(Session session, JsonNode payload) {
        try {
            List<@Nullable Event> events = new ArrayList<>();
            for (JsonNode delta : Py.iterate(Py.req(payload, "deltas"))) {
                events.add(parseDelta(session, delta));
            }
            return events;
        }
        catch (DataShapeError ex) {
            throw new ParseError("Error parsing ClientPayload", payload, ex);
        }
        catch (ParseError ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            throw new ParseError("Error parsing ClientPayload", payload, ex);
        }
    }

    /** The event of one delta inside a {@code ClientPayload}; anything not read is an {@link UnknownEvent}. */
    public static @Nullable Event parseDelta(Session session, JsonNode data) {
        if (!data.isObject()) {
            // fbchat's `"deltaMessageReaction" in data` fails on null, a number or a boolean, and indexing a text or
            // list that holds one of the names fails too; any other text or list is unknown
            for (String name : DELTA_NAMES) {
                if (Py.contains(data, name)) {
                    throw new DataShapeError("Not a client delta", data);
                }
            }
            return new UnknownEvent("client payload", data);
        }
        if (Py.has(data, "deltaMessageReaction")) {
            JsonNode reaction = Py.req(data, "deltaMessageReaction");
            MessengerThread thread = EventThreads.thread(session, reaction);
            JsonNode action = Py.req(reaction, "action");
            // Python's action == 0, which False also is
            boolean added = (action.isNumber() && action.doubleValue() == 0)
                    || (action.isBoolean() && !action.booleanValue());
            return new ReactionEvent(EventThreads.user(session, Py.req(reaction, "userId"), reaction), thread,
                    new Message(thread, Py.str(Py.req(reaction, "messageId"))),
                    added ? Py.strOrNull(Py.req(reaction, "reaction")) : null);
        }
        if (Py.has(data, "deltaChangeViewerStatus")) {
            JsonNode status = Py.req(data, "deltaChangeViewerStatus");
            JsonNode reason = Py.req(status, "reason");
            if (reason.isNumber() && reason.doubleValue() == 2) {
                JsonNode actor = Py.req(status, "actorFbid");
                MessengerThread thread = EventThreads.thread(session, status);
                boolean blocked = !Py.truthy(Py.req(status, "canViewerReply"));
                // the actor's id is checked last, so that where fbchat fails, the same error is raised
                return new UserStatusEvent(EventThreads.user(session, actor, status), thread, blocked);
            }
        }
        else if (Py.has(data, "liveLocationData")) {
            return liveLocation(session, Py.req(data, "liveLocationData"));
        }
        else if (Py.has(data, "deltaRecallMessageData")) {
            JsonNode recall = Py.req(data, "deltaRecallMessageData");
            MessengerThread thread = EventThreads.thread(session, recall);
            return new UnsendEvent(EventThreads.user(session, Py.req(recall, "senderID"), recall), thread,
                    new Message(thread, Py.str(Py.req(recall, "messageID"))),
                    Py.millisToDatetime(Py.req(recall, "deletionTimestamp")));
        }
        else if (Py.has(data, "deltaMessageReply")) {
            JsonNode reply = Py.req(data, "deltaMessageReply");
            JsonNode message = Py.req(reply, "message");
            JsonNode metadata = Py.req(message, "messageMetadata");
            MessengerThread thread = EventThreads.thread(session, metadata);
            return new MessageReplyEvent(EventThreads.user(session, Py.req(metadata, "actorFbId"), metadata), thread,
                    MessageParser.fromReply(thread, message),
                    MessageParser.fromReply(thread, Py.req(reply, "repliedToMessage")));
        }
        return new UnknownEvent("client payload", data);
    }

    /**
     * A live location update: fbchat reads each location of {@code messageLiveLocations} and then drops them; this
     * library delivers the last one, or nothing when the list is empty.
     */
    private static @Nullable Event liveLocation(Session session, JsonNode data) {
        MessengerThread thread = EventThreads.thread(session, data);
        Event event = null;
        for (JsonNode location : Py.iterate(Py.req(data, "messageLiveLocations"))) {
            Message message = new Message(thread, Py.str(Py.req(data, "messageId")));
            LiveLocationAttachment attachment = LocationParser.liveLocationFromPull(location);
            event = new LiveLocationEvent(EventThreads.user(session, Py.req(location, "senderId"), location), thread,
                    message, attachment);
        }
        return event;
    }
}
