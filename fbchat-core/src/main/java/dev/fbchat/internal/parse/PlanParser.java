package dev.fbchat.internal.parse;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.fbchat.Session;
import dev.fbchat.plan.GuestStatus;
import dev.fbchat.plan.PlanData;
import tools.jackson.databind.JsonNode;

/** Parses {@link PlanData} from its three shapes: MQTT pull, {@code /ajax/eventreminder} and GraphQL. */
public final class PlanParser {

    private PlanParser() {
    }

    /** {@code PlanData._from_pull}: a plan inside an admin-text delta. */
    public static PlanData fromPull(Session session, JsonNode data) {
        JsonNode guestList = Py.req(data, "guest_state_list");
        Map<String, GuestStatus> read = guestList.isString() ? EmbeddedJsonReader.guests(guestList.stringValue())
                : null;
        Map<String, GuestStatus> guests = read != null ? read : guestsFromTree(guestList);
        return new PlanData(session, Py.str(Py.get(data, "event_id")),
                Py.secondsToDatetime(tools.jackson.databind.node.LongNode.valueOf(Py.toInt(Py.get(data, "event_time")))),
                Py.text(data, "event_title"), orEmpty(data, "event_location_name"), orEmpty(data, "event_location_id"),
                Py.text(data, "event_creator_id"), guests);
    }

    /** The guests of a {@code guest_state_list} (JSON text), read as a tree. */
    static Map<String, GuestStatus> guestsFromTree(JsonNode guestList) {
        Map<String, GuestStatus> guests = new LinkedHashMap<>();
        for (JsonNode guest : Py.iterate(Py.jsonText(guestList))) {
            JsonNode id = Py.req(Py.nonNull(guest, "node"), "id");
            GuestStatus state = status(Py.req(guest, "guest_list_state"));
            guests.put(Py.str(Py.hashable(id)), state);
        }
        return guests;
    }

    /** {@code PlanData._from_fetch}: the answer of {@code /ajax/eventreminder}. */
    public static PlanData fromFetch(Session session, JsonNode data) {
        Map<String, GuestStatus> guests = new LinkedHashMap<>();
        JsonNode members = Py.nonNull(data, "event_members");
        if (!members.isObject()) {
            throw new DataShapeError("Expected an object of event members", data);
        }
        for (Map.Entry<String, JsonNode> member : members.properties()) {
            guests.put(member.getKey(), status(member.getValue()));
        }
        return new PlanData(session, Py.str(Py.get(data, "oid")), Py.secondsToDatetime(Py.get(data, "event_time")),
                Py.text(data, "title"), orEmpty(data, "location_name"),
                Py.truthy(data, "location_id") ? Py.text(data, "location_id") : null, Py.text(data, "creator_id"),
                guests);
    }

    /** {@code PlanData._from_graphql}: a plan of a fetched thread. */
    public static PlanData fromGraphql(Session session, JsonNode data) {
        Map<String, GuestStatus> guests = new LinkedHashMap<>();
        for (JsonNode edge : Py.iterate(Py.req(Py.nonNull(data, "event_reminder_members"), "edges"))) {
            JsonNode id = Py.req(Py.nonNull(edge, "node"), "id");
            GuestStatus state = status(Py.req(edge, "guest_list_state"));
            guests.put(Py.str(Py.hashable(id)), state);
        }
        return new PlanData(session, Py.str(Py.get(data, "id")), Py.secondsToDatetime(Py.get(data, "time")),
                Py.text(data, "event_title"), orEmpty(data, "location_name"), null,
                Py.text(Py.nonNull(data, "lightweight_event_creator"), "id"), guests);
    }

    /** PlanData's {@code x or ""}: a falsy value (none, 0, "") is the empty text. */
    private static String orEmpty(JsonNode data, String field) {
        return Py.truthy(data, field) ? Py.str(Py.get(data, field)) : "";
    }

    /** {@code GuestStatus[name]}. */
    private static GuestStatus status(JsonNode name) {
        try {
            return GuestStatus.valueOf(Py.str(name));
        }
        catch (IllegalArgumentException ex) {
            throw new DataShapeError("Unknown guest status " + Py.str(name), name, ex);
        }
    }
}
