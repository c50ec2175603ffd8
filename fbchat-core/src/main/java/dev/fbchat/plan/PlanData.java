package dev.fbchat.plan;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.fbchat.Session;
import org.jspecify.annotations.Nullable;

/**
 * A plan with its details.
 *
 * @param session the session that fetched it
 * @param id the plan's id
 * @param time when it takes place (to the minute)
 * @param title its title
 * @param location its location's name ({@code ""} when none)
 * @param locationId its location's id ({@code ""} when none)
 * @param authorId the id of who made it
 * @param guests each guest's answer by person id, when known
 */
public record PlanData(Session session, String id, Instant time, @Nullable String title, String location,
        String locationId, @Nullable String authorId, @Nullable Map<String, GuestStatus> guests) {

    public PlanData {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        location = location == null ? "" : location;
        locationId = locationId == null ? "" : locationId;
        guests = guests == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(guests));
    }

    /** The plan as a handle, to act on it. */
    public Plan toPlan() {
        return new Plan(this.session, this.id);
    }

    /** The ids of the guests who are going. */
    public List<String> going() {
        return withStatus(GuestStatus.GOING);
    }

    /** The ids of the guests who declined. */
    public List<String> declined() {
        return withStatus(GuestStatus.DECLINED);
    }

    /** The ids of the guests who have not answered. */
    public List<String> invited() {
        return withStatus(GuestStatus.INVITED);
    }

    private List<String> withStatus(GuestStatus status) {
        return this.guests == null ? List.of()
                : this.guests.entrySet().stream().filter(e -> e.getValue() == status).map(Map.Entry::getKey).toList();
    }
}
