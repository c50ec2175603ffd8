package dev.fbchat.plan;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.fbchat.Session;
import dev.fbchat.internal.FormValues;
import dev.fbchat.internal.Times;
import dev.fbchat.internal.parse.PlanParser;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A handle to a plan (an event in a thread). Create one with {@code MessengerThread.createPlan}.
 *
 * @param session the session that acts on it
 * @param id the plan's id
 */
public record Plan(Session session, String id) {

    public Plan {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(id, "id");
    }

    /** Fetches the plan's current data (one request). */
    public PlanData fetch() {
        JsonNode payload = this.session.requests().readPayload("/ajax/eventreminder", Map.of("event_reminder_id", this.id));
        return PlanParser.fromFetch(this.session, payload);
    }

    /**
     * Changes the plan's name, time and place.
     *
     * @param locationName the place's name, or {@code null} for none
     * @param locationId the place's Facebook id, or {@code null} for none
     * @throws IllegalArgumentException when {@code name} is blank
     */
    public void edit(String name, Instant at, @Nullable String locationName, @Nullable String locationId) {
        FormValues.nonBlank(name, "The plan's name");
        Objects.requireNonNull(at, "at");
        Map<String, String> data = new LinkedHashMap<>();
        data.put("event_reminder_id", this.id);
        data.put("delete", "false");
        data.put("date", Long.toString(Times.toSeconds(at)));
        data.put("location_name", locationName == null ? "" : locationName);
        data.put("location_id", locationId == null ? "" : locationId);
        data.put("title", name);
        data.put("acontext", FormValues.PLAN_ACONTEXT);
        this.session.requests().writePayload("/ajax/eventreminder/submit", data);
    }

    /** Deletes the plan. */
    public void delete() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("event_reminder_id", this.id);
        data.put("delete", "true");
        data.put("acontext", FormValues.PLAN_ACONTEXT);
        this.session.requests().writePayload("/ajax/eventreminder/submit", data);
    }

    /** Answers the plan as going. */
    public void participate() {
        respond(true);
    }

    /** Answers the plan as not going. */
    public void decline() {
        respond(false);
    }

    private void respond(boolean going) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("event_reminder_id", this.id);
        data.put("guest_state", going ? "GOING" : "DECLINED");
        data.put("acontext", FormValues.PLAN_ACONTEXT);
        this.session.requests().writePayload("/ajax/eventreminder/rsvp", data);
    }
}
