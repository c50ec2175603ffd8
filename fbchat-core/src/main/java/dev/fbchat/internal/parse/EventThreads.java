package dev.fbchat.internal.parse;

import java.time.Instant;

import dev.fbchat.ParseError;
import dev.fbchat.Session;
import dev.fbchat.thread.Group;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.LongNode;

/**
 * Who and where of an event ({@code Event._get_thread} and {@code ThreadEvent._parse_metadata} in fbchat). Ids must be
 * ids: a value that is not a string of digits (an author {@code -1}, a thread {@code "true"} or {@code ""}) is a
 * {@link ParseError}, not a handle to nothing.
 */
public final class EventThreads {

    private EventThreads() {
    }

    /** The thread a {@code threadKey} names: a group by {@code threadFbId}, else a user by {@code otherUserFbId}. */
    public static MessengerThread thread(Session session, JsonNode data) {
        JsonNode key = Py.req(data, "threadKey");
        if (!key.isObject()) {
            // a text or list that holds the name fails as fbchat's key["threadFbId"] does, on indexing it by a name
            if (Py.contains(key, "threadFbId") || Py.contains(key, "otherUserFbId")) {
                throw new DataShapeError("Not a thread key", key);
            }
            throw new ParseError("Could not find thread data", data);
        }
        if (Py.has(key, "threadFbId")) {
            return new Group(session, id(Py.req(key, "threadFbId"), data));
        }
        if (Py.has(key, "otherUserFbId")) {
            return new User(session, id(Py.req(key, "otherUserFbId"), data));
        }
        throw new ParseError("Could not find thread data", data);
    }

    /** The author, thread and time of a delta's {@code messageMetadata}. */
    public static Metadata metadata(Session session, JsonNode data) {
        JsonNode metadata = Py.req(data, "messageMetadata");
        JsonNode actor = Py.req(metadata, "actorFbId");
        MessengerThread thread = thread(session, metadata);
        Instant at = Py.millisToDatetime(LongNode.valueOf(Py.toInt(Py.req(metadata, "timestamp"))));
        // the author's id is checked last, so that where fbchat fails, on the thread or the time, the same error is raised
        return new Metadata(user(session, actor, metadata), thread, at);
    }

    /** A user by an id value of the payload. */
    public static User user(Session session, JsonNode id, JsonNode data) {
        return new User(session, id(id, data));
    }

    /** {@code str(value)} of an id, which must be a string of digits. */
    public static String id(@Nullable JsonNode value, JsonNode data) {
        String id = Py.str(value);
        if (!Py.isAsciiDigits(id, Integer.MAX_VALUE)) {
            throw new DataShapeError("Not an id: \"" + id + "\"", data);
        }
        return id;
    }

    /**
     * A delta's author, thread and time.
     *
     * @param author who did it
     * @param thread where
     * @param at when
     */
    public record Metadata(User author, MessengerThread thread, Instant at) {
    }
}
