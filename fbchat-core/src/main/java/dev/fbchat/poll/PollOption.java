package dev.fbchat.poll;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One option of a poll.
 *
 * @param id the option's id
 * @param text its text
 * @param vote whether the account voted for it
 * @param voters the ids of who voted for it (the first few, for a large poll)
 * @param votesCount how many voted for it
 */
public record PollOption(String id, @Nullable String text, boolean vote, @Nullable List<String> voters,
        @Nullable Integer votesCount) {

    public PollOption {
        Objects.requireNonNull(id, "id");
        voters = voters == null ? null : List.copyOf(voters);
    }
}
