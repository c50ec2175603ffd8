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

    /** These settings with another picture. */
    public ThreadSettings withImageUrl(@Nullable String newImageUrl) {
        return new ThreadSettings(newImageUrl, this.color, this.emoji, this.nicknames, this.admins, this.approvalMode,
                this.approvalRequests, this.joinLink);
    }

    /** These settings with another colour ({@code #rrggbb}, or {@code null} for the default). */
    public ThreadSettings withColor(@Nullable String newColor) {
        return new ThreadSettings(this.imageUrl, newColor, this.emoji, this.nicknames, this.admins, this.approvalMode,
                this.approvalRequests, this.joinLink);
    }

    /** These settings with another emoji ({@code null} for the default). */
    public ThreadSettings withEmoji(@Nullable String newEmoji) {
        return new ThreadSettings(this.imageUrl, this.color, newEmoji, this.nicknames, this.admins, this.approvalMode,
                this.approvalRequests, this.joinLink);
    }

    /** These settings with a participant's nickname set, or cleared when {@code nickname} is {@code null}. */
    public ThreadSettings withNickname(String participantId, @Nullable String nickname) {
        Map<String, String> next = new LinkedHashMap<>(this.nicknames);
        if (nickname == null) {
            next.remove(participantId);
        }
        else {
            next.put(participantId, nickname);
        }
        return new ThreadSettings(this.imageUrl, this.color, this.emoji, next, this.admins, this.approvalMode,
                this.approvalRequests, this.joinLink);
    }

    /** These settings with joining approved by an administrator, or not. */
    public ThreadSettings withApprovalMode(boolean newApprovalMode) {
        return new ThreadSettings(this.imageUrl, this.color, this.emoji, this.nicknames, this.admins, newApprovalMode,
                this.approvalRequests, this.joinLink);
    }

    /** These settings without a person: no nickname, no administrator, no approval request of theirs. */
    public ThreadSettings without(String participantId) {
        Map<String, String> next = new LinkedHashMap<>(this.nicknames);
        next.remove(participantId);
        return new ThreadSettings(this.imageUrl, this.color, this.emoji, next,
                this.admins.stream().filter(id -> !id.equals(participantId)).toList(), this.approvalMode,
                this.approvalRequests.stream().filter(id -> !id.equals(participantId)).toList(), this.joinLink);
    }
}
