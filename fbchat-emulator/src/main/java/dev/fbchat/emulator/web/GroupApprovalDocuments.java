package dev.fbchat.emulator.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.ThreadView;
import dev.fbchat.emulator.world.World;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GraphQL mutation that answers requests to join a group (document {@value #APPROVAL_DOC_ID}):
 * {@code {"data": {"actor_id", "thread_fbid", "user_ids": [...], "response": "ACCEPT"|"DENY", ...}}}.
 */
final class GroupApprovalDocuments implements GraphqlDocuments {

    static final String APPROVAL_DOC_ID = "1574519202665847";

    private final World world;

    GroupApprovalDocuments(World world) {
        this.world = world;
    }

    @Override
    public Map<String, Resolver> graphqlDocuments() {
        return Map.of(APPROVAL_DOC_ID, this::answer);
    }

    private JsonNode answer(Account viewer, JsonNode params) {
        JsonNode data = params.path("data");
        String response = data.path("response").asString("");
        if (!data.path("actor_id").asString("").equals(viewer.id())) {
            throw GraphqlException.invalidParameter("actor_id");
        }
        if (!response.equals("ACCEPT") && !response.equals("DENY")) {
            throw GraphqlException.invalidParameter("response");
        }
        if (!data.path("user_ids").isArray() || data.path("user_ids").isEmpty()) {
            throw GraphqlException.invalidParameter("user_ids");
        }
        List<String> ids = new ArrayList<>();
        data.path("user_ids").forEach(id -> ids.add(id.asString("")));
        ThreadView group = this.world.threadView(viewer.id(), data.path("thread_fbid").asString(""))
            .filter(ThreadView::isGroup)
            .orElseThrow(() -> GraphqlException.notFound("No group " + data.path("thread_fbid")));
        try {
            this.world.threadActions().answerJoinRequests(group.thread().id(), viewer.id(), ids, response.equals("ACCEPT"));
        }
        catch (IllegalArgumentException ex) {
            throw GraphqlException.invalidParameter("user_ids");
        }
        ObjectNode answer = EmulatorJson.MAPPER.createObjectNode();
        answer.putObject("group_approval_queue_response").put("client_mutation_id",
                data.path("client_mutation_id").asString(""));
        return answer;
    }
}
