package dev.fbchat.thread;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.fbchat.internal.FacebookJson;
import dev.fbchat.internal.FormValues;
import dev.fbchat.internal.GraphQLBatch;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The changes only a group can be given ({@code Group} in fbchat): people, administrators, title, picture, approval. */
final class GroupRequests {

    /** The GraphQL document that answers requests to join. */
    private static final String APPROVAL_DOC_ID = "1574519202665847";

    private GroupRequests() {
    }

    static String addParticipants(Group group, List<String> userIds) {
        Objects.requireNonNull(userIds, "userIds");
        if (userIds.isEmpty()) {
            throw new IllegalArgumentException("Give at least one person to add");
        }
        Map<String, String> data = SendTargets.of(group);
        data.put("action_type", "ma-type:log-message");
        data.put("log_message_type", "log:subscribe");
        String self = group.session().user().id();
        for (int i = 0; i < userIds.size(); i++) {
            String userId = FormValues.nonBlank(userIds.get(i), "A person's id");
            if (userId.equals(self)) {
                throw new IllegalArgumentException("Error when adding users: Cannot add self to group thread");
            }
            data.put("log_message_data[added_participants][" + i + "]", "fbid:" + userId);
        }
        return group.session().requests().sendMessage(data).messageId();
    }

    static void removeParticipant(Group group, String userId) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("uid", FormValues.nonBlank(userId, "userId"));
        data.put("tid", group.id());
        group.session().requests().writePayload("/chat/remove_participants/", data);
    }

    static void setAdmins(Group group, List<String> userIds, boolean add) {
        Objects.requireNonNull(userIds, "userIds");
        Map<String, String> data = new LinkedHashMap<>();
        data.put("add", FormValues.bool(add));
        data.put("thread_fbid", group.id());
        data.putAll(FormValues.numbered("admin_ids", userIds, "person"));
        group.session().requests().writePayload("/messaging/save_admins/?dpr=1", data);
    }

    static void setTitle(Group group, String title) {
        Objects.requireNonNull(title, "title");
        Map<String, String> data = new LinkedHashMap<>();
        data.put("thread_name", title);
        data.put("thread_id", group.id());
        group.session().requests().writePayload("/messaging/set_thread_name/?dpr=1", data);
    }

    static void setImage(Group group, String imageId) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("thread_image_id", FormValues.nonBlank(imageId, "imageId"));
        data.put("thread_id", group.id());
        group.session().requests().writePayload("/messaging/set_thread_image/?dpr=1", data);
    }

    static void setApprovalMode(Group group, boolean requireAdminApproval) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("set_mode", requireAdminApproval ? "1" : "0");
        data.put("thread_fbid", group.id());
        group.session().requests().writePayload("/messaging/set_approval_mode/?dpr=1", data);
    }

    static void answerRequests(Group group, List<String> userIds, boolean approve) {
        Objects.requireNonNull(userIds, "userIds");
        if (userIds.isEmpty()) {
            throw new IllegalArgumentException("Give at least one person to " + (approve ? "accept" : "deny"));
        }
        ObjectNode data = FacebookJson.MAPPER.createObjectNode();
        data.put("client_mutation_id", "0");
        data.put("actor_id", group.session().user().id());
        data.put("thread_fbid", group.id());
        ArrayNode ids = data.putArray("user_ids");
        userIds.forEach(id -> ids.add(FormValues.nonBlank(id, "A person's id")));
        data.put("response", approve ? "ACCEPT" : "DENY");
        data.put("surface", "ADMIN_MODEL_APPROVAL_CENTER");
        ObjectNode params = FacebookJson.MAPPER.createObjectNode();
        params.set("data", data);
        group.session().requests().graphqlWrite(GraphQLBatch.fromDocId(APPROVAL_DOC_ID, params));
    }
}
