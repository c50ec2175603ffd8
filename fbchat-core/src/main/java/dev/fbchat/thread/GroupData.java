package dev.fbchat.thread;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.fbchat.Session;
import dev.fbchat.attachment.Image;
import dev.fbchat.plan.PlanData;
import org.jspecify.annotations.Nullable;

/**
 * What was fetched about a group thread.
 *
 * @param session the session that fetched it
 * @param id the group's id
 * @param photo the group's picture
 * @param name the group's name
 * @param lastActive when the last message was sent
 * @param messageCount how many messages it holds
 * @param plan its plan
 * @param participants the people (and pages) in it
 * @param nicknames nicknames by person id ({@code null} when Facebook sent no customisation)
 * @param color the thread's colour
 * @param emoji the thread's emoji
 * @param admins the ids of its admins
 * @param approvalMode whether joining needs an admin's approval
 * @param approvalRequests the ids of people waiting for approval ({@code null} when not sent)
 * @param joinLink the link to join it
 */
public record GroupData(Session session, String id, @Nullable Image photo, @Nullable String name,
        @Nullable Instant lastActive, @Nullable Integer messageCount, @Nullable PlanData plan,
        List<MessengerThread> participants, @Nullable Map<String, @Nullable String> nicknames, @Nullable String color,
        @Nullable String emoji, Set<@Nullable String> admins, @Nullable Boolean approvalMode,
        @Nullable Set<String> approvalRequests, @Nullable String joinLink) implements ThreadData {

    public GroupData {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(id, "id");
        participants = List.copyOf(participants);
        nicknames = nicknames == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(nicknames));
        admins = Collections.unmodifiableSet(new java.util.LinkedHashSet<>(admins));
        approvalRequests = approvalRequests == null ? null : Set.copyOf(approvalRequests);
    }

    @Override
    public Group thread() {
        return new Group(this.session, this.id);
    }
}
