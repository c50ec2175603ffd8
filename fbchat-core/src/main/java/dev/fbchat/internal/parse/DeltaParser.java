package dev.fbchat.internal.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.fbchat.Session;
import dev.fbchat.event.Event;
import dev.fbchat.event.MessageEvent;
import dev.fbchat.event.MessagesDelivered;
import dev.fbchat.event.PeopleAdded;
import dev.fbchat.event.PersonRemoved;
import dev.fbchat.event.ThreadFolder;
import dev.fbchat.event.ThreadsRead;
import dev.fbchat.event.TitleSet;
import dev.fbchat.event.UnfetchedThreadEvent;
import dev.fbchat.event.UnknownEvent;
import dev.fbchat.message.Message;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses one {@code /t_ms} delta by its {@code class} ({@code parse_delta} in fbchat). Deltas that mean nothing to a
 * client ({@code NoOp}, {@code MarkFolderSeen}) give {@code null}; unknown classes an {@link UnknownEvent} of source
 * {@code "Delta class"}.
 */
public final class DeltaParser {

    private DeltaParser() {
    }

    /**
     * The event of a delta, or {@code null}.
     *
     * @throws IllegalArgumentException for a {@code ClientPayload}, which {@link ClientPayloadParser} reads
     */
    public static @Nullable Event parse(Session session, JsonNode data) {
        String deltaClass = Py.str(Py.req(data, "class"));
        return switch (deltaClass) {
            case "AdminTextMessage" -> AdminTextParser.parse(session, data);
            case "ParticipantsAddedToGroupThread" -> {
                EventThreads.Metadata m = EventThreads.metadata(session, data);
                List<User> added = new ArrayList<>();
                for (JsonNode participant : Py.iterate(Py.req(data, "addedParticipants"))) {
                    added.add(EventThreads.user(session, Py.req(participant, "userFbId"), data));
                }
                yield new PeopleAdded(m.author(), m.thread(), added, m.at());
            }
            case "ParticipantLeftGroupThread" -> {
                EventThreads.Metadata m = EventThreads.metadata(session, data);
                yield new PersonRemoved(m.author(), m.thread(),
                        EventThreads.user(session, Py.req(data, "leftParticipantFbId"), data), m.at());
            }
            case "MarkFolderSeen" -> {
                // Read as fbchat does (so that a malformed one is an error), but it gives no event.
                for (JsonNode folder : Py.iterate(Py.req(data, "folders"))) {
                    ThreadParser.location(text(folder));
                }
                Py.millisToDatetime(LongNode.valueOf(Py.toInt(Py.req(data, "timestamp"))));
                yield null;
            }
            case "ThreadName" -> {
                EventThreads.Metadata m = EventThreads.metadata(session, data);
                JsonNode name = Py.req(data, "name");
                yield new TitleSet(m.author(), m.thread(), Py.truthy(name) ? Py.str(name) : null, m.at());
            }
            case "ForcedFetch" -> {
                MessengerThread thread = EventThreads.thread(session, data);
                Message message = Py.has(data, "messageId") ? new Message(thread, Py.str(Py.req(data, "messageId")))
                        : null;
                yield new UnfetchedThreadEvent(thread, message);
            }
            case "DeliveryReceipt" -> {
                MessengerThread thread = EventThreads.thread(session, data);
                MessengerThread author = Py.has(data, "actorFbId")
                        ? EventThreads.user(session, Py.req(data, "actorFbId"), data) : thread;
                List<Message> messages = new ArrayList<>();
                for (JsonNode id : Py.iterate(Py.req(data, "messageIds"))) {
                    messages.add(new Message(thread, Py.str(id)));
                }
                yield new MessagesDelivered(author, thread, messages,
                        millis(Py.req(data, "deliveredWatermarkTimestampMs")));
            }
            case "ReadReceipt" -> {
                JsonNode actor = Py.req(data, "actorFbId");
                MessengerThread thread = EventThreads.thread(session, data);
                Instant at = millis(Py.req(data, "actionTimestampMs"));
                // the author's id is checked last, so that where fbchat fails, the same error is raised
                yield new ThreadsRead(EventThreads.user(session, actor, data), List.of(thread), at);
            }
            case "MarkRead" -> {
                List<MessengerThread> threads = new ArrayList<>();
                for (JsonNode key : Py.iterate(Py.req(data, "threadKeys"))) {
                    ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
                    wrapper.set("threadKey", key);
                    threads.add(EventThreads.thread(session, wrapper));
                }
                yield new ThreadsRead(session.user(), threads, millis(Py.req(data, "actionTimestamp")));
            }
            case "NoOp" -> null;
            case "NewMessage" -> {
                EventThreads.Metadata m = EventThreads.metadata(session, data);
                yield new MessageEvent(m.author(), m.thread(),
                        MessageParser.fromPull(m.thread(), data, m.author().id(), m.at()), m.at());
            }
            case "ThreadFolder" -> new ThreadFolder(EventThreads.thread(session, data),
                    ThreadParser.location(text(Py.req(data, "folder"))));
            case "ClientPayload" -> throw new IllegalArgumentException(
                    "A ClientPayload delta holds several deltas: parse it with ClientPayloadParser");
            default -> new UnknownEvent("Delta class", data);
        };
    }

    private static Instant millis(JsonNode value) {
        return Py.millisToDatetime(LongNode.valueOf(Py.toInt(value)));
    }

    private static String text(JsonNode value) {
        if (!value.isString()) {
            throw new DataShapeError("Expected a folder name", value);
        }
        return value.stringValue();
    }
}
