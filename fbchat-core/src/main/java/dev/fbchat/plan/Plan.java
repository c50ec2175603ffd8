package dev.fbchat.plan;

import java.util.Map;
import java.util.Objects;

import dev.fbchat.Session;
import dev.fbchat.internal.parse.PlanParser;
import tools.jackson.databind.JsonNode;

/**
 * A handle to a plan (an event in a thread).
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
        JsonNode payload = this.session.requests().payloadPost("/ajax/eventreminder", Map.of("event_reminder_id", this.id));
        return PlanParser.fromFetch(this.session, payload);
    }
}
