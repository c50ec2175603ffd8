package dev.fbchat.internal.parse;

import java.util.ArrayList;
import java.util.List;

import dev.fbchat.Session;
import dev.fbchat.event.AdminsAdded;
import dev.fbchat.event.AdminsRemoved;
import dev.fbchat.event.ApprovalModeSet;
import dev.fbchat.event.CallEnded;
import dev.fbchat.event.CallJoined;
import dev.fbchat.event.CallStarted;
import dev.fbchat.event.ColorSet;
import dev.fbchat.event.EmojiSet;
import dev.fbchat.event.Event;
import dev.fbchat.event.NicknameSet;
import dev.fbchat.event.PlanCreated;
import dev.fbchat.event.PlanDeleted;
import dev.fbchat.event.PlanEdited;
import dev.fbchat.event.PlanEnded;
import dev.fbchat.event.PlanResponded;
import dev.fbchat.event.PollCreated;
import dev.fbchat.event.PollVoted;
import dev.fbchat.event.UnknownEvent;
import dev.fbchat.internal.Times;
import dev.fbchat.plan.PlanData;
import dev.fbchat.poll.Poll;
import tools.jackson.databind.JsonNode;

/**
 * Parses {@code AdminTextMessage} deltas by their {@code type} ({@code parse_admin_message} in fbchat): colour, emoji,
 * nickname, admins, approval mode, calls, polls and plans. Anything else is an {@link UnknownEvent} of source
 * {@code "Delta type"}.
 */
public final class AdminTextParser {

    private AdminTextParser() {
    }

    /** The event of an admin-text delta. */
    public static Event parse(Session session, JsonNode data) {
        String type = Py.str(Py.req(data, "type"));
        Event event = switch (type) {
            case "change_thread_theme" -> {
                EventThreads.Metadata m = EventThreads.metadata(session, data);
                yield new ColorSet(m.author(), m.thread(), ThreadParser.color(Py.req(untyped(data), "theme_color")),
                        m.at());
            }
            case "change_thread_icon" -> {
                EventThreads.Metadata m = EventThreads.metadata(session, data);
                yield new EmojiSet(m.author(), m.thread(), Py.strOrNull(Py.req(untyped(data), "thread_icon")), m.at());
            }
            case "change_thread_nickname" -> {
                EventThreads.Metadata m = EventThreads.metadata(session, data);
                JsonNode untyped = untyped(data);
                JsonNode nickname = Py.req(untyped, "nickname");
                yield new NicknameSet(m.author(), m.thread(),
                        EventThreads.user(session, Py.req(untyped, "participant_id"), data),
                        Py.truthy(nickname) ? Py.str(nickname) : null, m.at());
            }
            case "change_thread_admins" -> admins(session, data);
            case "change_thread_approval_mode" -> {
                EventThreads.Metadata m = EventThreads.metadata(session, data);
                JsonNode mode = Py.req(untyped(data), "APPROVAL_MODE");
                yield new ApprovalModeSet(m.author(), m.thread(), mode.isString() && mode.stringValue().equals("1"),
                        m.at());
            }
            case "messenger_call_log" -> call(session, data);
            case "participant_joined_group_call" -> {
                EventThreads.Metadata m = EventThreads.metadata(session, data);
                yield new CallJoined(m.author(), m.thread(), m.at());
            }
            case "group_poll" -> poll(session, data);
            case "lightweight_event_create" -> {
                EventThreads.Metadata m = EventThreads.metadata(session, data);
                yield new PlanCreated(m.author(), m.thread(), plan(session, data), m.at());
            }
            case "lightweight_event_notify" -> {
                EventThreads.Metadata m = EventThreads.metadata(session, data);
                yield new PlanEnded(m.author(), m.thread(), plan(session, data), m.at());
            }
            case "lightweight_event_update" -> {
                EventThreads.Metadata m = EventThreads.metadata(session, data);
                yield new PlanEdited(m.author(), m.thread(), plan(session, data), m.at());
            }
            case "lightweight_event_delete" -> {
                EventThreads.Metadata m = EventThreads.metadata(session, data);
                yield new PlanDeleted(m.author(), m.thread(), plan(session, data), m.at());
            }
            case "lightweight_event_rsvp" -> {
                EventThreads.Metadata m = EventThreads.metadata(session, data);
                PlanData plan = plan(session, data);
                JsonNode status = Py.req(untyped(data), "guest_status");
                yield new PlanResponded(m.author(), m.thread(), plan,
                        status.isString() && status.stringValue().equals("GOING"), m.at());
            }
            default -> null;
        };
        return event != null ? event : new UnknownEvent("Delta type", data);
    }

    private static Event admins(Session session, JsonNode data) {
        JsonNode untyped = untyped(data);
        String kind = Py.str(Py.req(untyped, "ADMIN_EVENT"));
        if (!kind.equals("add_admin") && !kind.equals("remove_admin")) {
            return null;
        }
        EventThreads.Metadata m = EventThreads.metadata(session, data);
        List<dev.fbchat.thread.User> subject = List.of(EventThreads.user(session, Py.req(untyped, "TARGET_ID"), data));
        return kind.equals("add_admin") ? new AdminsAdded(m.author(), m.thread(), subject, m.at())
                : new AdminsRemoved(m.author(), m.thread(), subject, m.at());
    }

    private static Event call(Session session, JsonNode data) {
        JsonNode untyped = untyped(data);
        String kind = Py.str(Py.req(untyped, "event"));
        if (kind.equals("group_call_started")) {
            EventThreads.Metadata m = EventThreads.metadata(session, data);
            return new CallStarted(m.author(), m.thread(), m.at());
        }
        if (kind.equals("group_call_ended") || kind.equals("one_on_one_call_ended")) {
            EventThreads.Metadata m = EventThreads.metadata(session, data);
            long seconds = Py.toInt(Py.req(untyped, "call_duration"));
            if (Math.abs(seconds) > 999_999_999L * 86_400) {
                throw new DataShapeError("Call duration out of range: " + seconds, untyped);
            }
            return new CallEnded(m.author(), m.thread(), Times.ofSeconds(seconds), m.at());
        }
        return null;
    }

    private static Event poll(Session session, JsonNode data) {
        JsonNode untyped = untyped(data);
        String kind = Py.str(Py.req(untyped, "event_type"));
        if (!kind.equals("question_creation") && !kind.equals("update_vote")) {
            return null;
        }
        EventThreads.Metadata m = EventThreads.metadata(session, data);
        JsonNode question = Py.req(untyped, "question_json");
        Poll read = question.isString() ? EmbeddedJsonReader.poll(session, question.stringValue()) : null;
        Poll poll = read != null ? read : PollParser.poll(session, Py.jsonText(question));
        if (kind.equals("question_creation")) {
            return new PollCreated(m.author(), m.thread(), poll, m.at());
        }
        return new PollVoted(m.author(), m.thread(), poll, ids(Py.req(untyped, "added_option_ids")),
                ids(Py.req(untyped, "removed_option_ids")), m.at());
    }

    private static List<String> ids(JsonNode json) {
        List<String> read = json.isString() ? EmbeddedJsonReader.ids(json.stringValue()) : null;
        return read != null ? read : idsFromTree(json);
    }

    /** The ids of a JSON text that lists them, read as a tree. */
    static List<String> idsFromTree(JsonNode json) {
        List<String> ids = new ArrayList<>();
        for (JsonNode id : Py.iterate(Py.jsonText(json))) {
            ids.add(Py.str(id));
        }
        return ids;
    }

    private static PlanData plan(Session session, JsonNode data) {
        return PlanParser.fromPull(session, untyped(data));
    }

    private static JsonNode untyped(JsonNode data) {
        return Py.req(data, "untypedData");
    }
}
