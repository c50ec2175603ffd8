package dev.fbchat.internal.parse;

import java.util.ArrayList;
import java.util.List;

import dev.fbchat.Session;
import dev.fbchat.poll.Poll;
import dev.fbchat.poll.PollOption;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Parses {@link Poll} and {@link PollOption} ({@code fbchat._models._poll}). */
public final class PollParser {

    private PollParser() {
    }

    /** {@code Poll._from_graphql}. */
    public static Poll poll(Session session, JsonNode data) {
        List<PollOption> options = new ArrayList<>();
        for (JsonNode option : Py.iterate(Py.req(data, "options"))) {
            options.add(option(option));
        }
        JsonNode question = Py.truthy(data, "title") ? Py.get(data, "title") : Py.req(data, "text");
        return new Poll(session, Py.str(Py.req(data, "id")), Py.strOrNull(question), options,
                Py.integer(Py.req(data, "total_count")));
    }

    /** {@code PollOption._from_graphql}: voters as GraphQL edges or as a plain list of ids. */
    public static PollOption option(JsonNode data) {
        JsonNode voted = Py.get(data, "viewer_has_voted");
        boolean vote = voted == null ? false : voted.isBoolean() ? voted.booleanValue() : "true".equals(voted.asString(""));
        if (voted != null && !voted.isBoolean() && !voted.isString()) {
            vote = false;
        }
        JsonNode voters = Py.get(data, "voters");
        List<String> ids;
        Integer count;
        if (voters != null && voters.isObject()) {
            ids = new ArrayList<>();
            for (JsonNode edge : Py.iterate(Py.req(voters, "edges"))) {
                ids.add(Py.str(Py.req(Py.nonNull(edge, "node"), "id")));
            }
            count = Py.integer(Py.req(voters, "count"));
        }
        else {
            ids = idsOrNull(Py.req(data, "voters"));
            count = Py.integer(Py.req(data, "total_count"));
        }
        return new PollOption(Py.intText(Py.req(data, "id")), Py.text(data, "text"), vote, ids, count);
    }

    private static @Nullable List<String> idsOrNull(JsonNode voters) {
        if (voters.isNull()) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode voter : Py.list(voters)) {
            ids.add(Py.str(voter));
        }
        return ids;
    }
}
