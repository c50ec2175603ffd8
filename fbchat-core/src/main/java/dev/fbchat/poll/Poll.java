package dev.fbchat.poll;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.fbchat.Session;
import dev.fbchat.internal.parse.PollParser;
import dev.fbchat.internal.parse.Py;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

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
        JsonNode payload = this.session.requests().payloadPost("/ajax/mercury/get_poll_options", Map.of("question_id", this.id));
        return Py.list(payload).stream().map(PollParser::option).toList();
    }
}
