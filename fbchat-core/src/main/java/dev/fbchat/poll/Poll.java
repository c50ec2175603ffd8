package dev.fbchat.poll;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.fbchat.Session;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.internal.FormValues;
import dev.fbchat.internal.parse.PollParser;
import dev.fbchat.internal.parse.Py;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A poll in a group thread, with its question and its first options.
 *
 * @param session the session that acts on it
 * @param id the poll's id
 * @param question its question
 * @param options its top options; {@link #fetchOptions()} gets all of them
 * @param optionsCount how many options it has
 */
public record Poll(Session session, String id, @Nullable String question, List<PollOption> options,
        @Nullable Integer optionsCount) {

    public Poll {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(id, "id");
        options = List.copyOf(options);
    }

    /** Fetches every option of the poll, the most voted first (one request). */
    public List<PollOption> fetchOptions() {
        JsonNode payload = this.session.requests().readPayload("/ajax/mercury/get_poll_options", Map.of("question_id", this.id));
        return Py.list(payload).stream().map(PollParser::option).toList();
    }

    /**
     * Sets the account's votes: it votes for exactly {@code optionIds} (an empty list takes every vote back) and for
     * the {@code newOptions} it adds to the poll.
     *
     * @throws IllegalArgumentException when an option id or a new option's text is blank
     * @throws dev.fbchat.ExternalError when Facebook answers that it failed
     */
    public void setVotes(List<String> optionIds, List<String> newOptions) {
        Objects.requireNonNull(optionIds, "optionIds");
        Objects.requireNonNull(newOptions, "newOptions");
        Map<String, String> data = new LinkedHashMap<>();
        data.put("question_id", this.id);
        for (int i = 0; i < optionIds.size(); i++) {
            data.put("selected_options[" + i + "]", FormValues.nonBlank(optionIds.get(i), "An option id"));
        }
        for (int i = 0; i < newOptions.size(); i++) {
            data.put("new_options[" + i + "]", FormValues.nonBlank(newOptions.get(i), "A new option"));
        }
        JsonNode payload = this.session.requests().writePayload("/messaging/group_polling/update_vote/?dpr=1", data);
        FacebookJson.requireSuccessStatus(payload, "Failed updating poll vote: ");
    }

    /** {@link #setVotes(List, List)} with no new option. */
    public void setVotes(List<String> optionIds) {
        setVotes(optionIds, List.of());
    }
}
