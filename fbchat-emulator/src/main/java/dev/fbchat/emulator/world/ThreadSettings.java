package dev.fbchat.emulator.world;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A thread's customisation and, for groups, its administration.
 *
 * @param imageUrl the group's picture, or {@code null}
 * @param color the message colour as fbchat sets it ({@code #44bec7}), or {@code null} for the default blue
 * @param emoji the thread's emoji, or {@code null} for the default like
 * @param nicknames nicknames by participant id (in the order given)
 * @param admins the group's administrators
 * @param approvalMode whether joining the group needs an administrator's approval
 * @param approvalRequests the people waiting for approval
 * @param joinLink the group's join link, or {@code null}
 */
public record ThreadSettings(@Nullable String imageUrl, @Nullable String color, @Nullable String emoji,
        Map<String, String> nicknames, List<String> admins, boolean approvalMode, List<String> approvalRequests,
        @Nullable String joinLink) {

    /** No picture, the default colour and emoji, no nicknames, no administrators. */
    public static final ThreadSettings DEFAULT = new ThreadSettings(null, null, null, Map.of(), List.of(), false, List.of(),
            null);

    public ThreadSettings {
        nicknames = Collections.unmodifiableMap(new LinkedHashMap<>(nicknames));
        admins = List.copyOf(admins);
        approvalRequests = List.copyOf(approvalRequests);
    }

    /** These settings with other administrators. */
    public ThreadSettings withAdmins(List<String> newAdmins) {
        return new ThreadSettings(this.imageUrl, this.color, this.emoji, this.nicknames, newAdmins, this.approvalMode,
                this.approvalRequests, this.joinLink);
    }
}
