package dev.fbchat.internal.parse;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.fbchat.Session;
import dev.fbchat.thread.GroupData;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Parses {@link GroupData} ({@code GroupData._from_graphql}). */
public final class GroupDataParser {

    private GroupDataParser() {
    }

    /** A group of a GraphQL thread fetch or search. */
    public static GroupData fromGraphql(Session session, JsonNode data) {
        JsonNode image = Py.get(data, "image");
        ThreadParser.Customization customization = ThreadParser.customization(data);
        Instant lastActive = null;
        if (Py.has(data, "last_message")) {
            List<JsonNode> nodes = Py.list(Py.req(Py.nonNull(data, "last_message"), "nodes"));
            if (nodes.isEmpty()) {
                throw new DataShapeError("The last message of a group has no nodes", data);
            }
            JsonNode last = nodes.get(0);
            lastActive = Py.millisToDatetime(
                    tools.jackson.databind.node.LongNode.valueOf(Py.toInt(Py.get(last, "timestamp_precise"))));
        }
        Set<@Nullable String> admins = new LinkedHashSet<>();
        for (JsonNode admin : Py.iterate(Py.get(data, "thread_admins"))) {
            admins.add(Py.strOrNull(Py.hashable(Py.get(admin, "id"))));
        }
        JsonNode approvalMode = Py.get(data, "approval_mode");
        Set<String> approvalRequests = null;
        if (Py.truthy(data, "group_approval_queue")) {
            approvalRequests = new LinkedHashSet<>();
            for (JsonNode node : Py.iterate(Py.req(Py.get(data, "group_approval_queue"), "nodes"))) {
                approvalRequests.add(Py.str(Py.hashable(Py.req(Py.nonNull(node, "requester"), "id"))));
            }
        }
        return new GroupData(session, Py.str(Py.req(Py.nonNull(data, "thread_key"), "thread_fbid")),
                image == null ? null : ImageParser.fromUriOrNull(image), Py.text(data, "name"), lastActive,
                Py.integer(Py.get(data, "messages_count")), UserDataParser.plan(session, data),
                ThreadParser.participants(session, Py.req(data, "all_participants")),
                customization.nicknames(), customization.color(), customization.emoji(), admins,
                approvalMode == null ? null : Py.truthy(approvalMode), approvalRequests,
                Py.text(Py.nonNull(data, "joinable_mode"), "link"));
    }
}
