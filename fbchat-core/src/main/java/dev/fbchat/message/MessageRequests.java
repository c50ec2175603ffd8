package dev.fbchat.message;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.fbchat.internal.FacebookJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The reaction request of a message: a GraphQL mutation posted to {@code /webgraphql/mutation}. */
final class MessageRequests {

    /** The GraphQL document of a reaction. */
    private static final String REACTION_DOC_ID = "1491398900900362";

    private MessageRequests() {
    }

    static void react(Message message, @Nullable String reaction) {
        if (reaction != null && !reaction.isEmpty() && !Message.SENDABLE_REACTIONS.contains(reaction)) {
            throw new IllegalArgumentException("Invalid reaction \"" + reaction + "\": use one of "
                    + Message.SENDABLE_REACTIONS + ", or null to remove the reaction");
        }
        boolean adds = reaction != null && !reaction.isEmpty();
        ObjectNode data = FacebookJson.MAPPER.createObjectNode();
        data.put("action", adds ? "ADD_REACTION" : "REMOVE_REACTION");
        data.put("client_mutation_id", "1");
        data.put("actor_id", message.session().user().id());
        data.put("message_id", message.id());
        if (reaction == null) {
            data.putNull("reaction");
        }
        else {
            data.put("reaction", reaction);
        }
        ObjectNode variables = FacebookJson.MAPPER.createObjectNode();
        variables.set("data", data);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("doc_id", REACTION_DOC_ID);
        form.put("variables", FacebookJson.minimal(variables));
        JsonNode payload = message.session().requests().writePayload("/webgraphql/mutation", form);
        FacebookJson.handleGraphqlErrors(payload);
    }
}
