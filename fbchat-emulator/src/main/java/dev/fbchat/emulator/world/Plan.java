package dev.fbchat.emulator.world;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A plan (event reminder) of a thread.
 *
 * @param id the plan id ({@code event_reminder_id})
 * @param threadId the emulator's handle of its thread
 * @param title its title
 * @param timeSeconds when it is, in seconds since the epoch
 * @param locationName the place's name, or {@code null}
 * @param locationId the place's page id, or {@code null}
 * @param creatorId who made it
 * @param guests every participant's answer, by id (ordered as given)
 * @param createdSeconds when it was made, in seconds since the epoch
 */
public record Plan(String id, String threadId, String title, long timeSeconds, @Nullable String locationName,
        @Nullable String locationId, String creatorId, Map<String, GuestState> guests, long createdSeconds) {

    public Plan {
        guests = Collections.unmodifiableMap(new LinkedHashMap<>(guests));
    }

    /** A guest's answer, as Facebook names it ({@code guest_list_state}). */
    public enum GuestState {

        /** Not answered. */
        INVITED,

        /** Going. */
        GOING,

        /** Not going. */
        DECLINED
    }
}
