package dev.fbchat.listen;

import java.util.List;

import dev.fbchat.NotLoggedIn;
import dev.fbchat.ParseError;
import dev.fbchat.ProtocolConstant;
import dev.fbchat.Session;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.internal.GraphQLBatch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Asks GraphQL for the account's current sync sequence id, where a new sync queue starts. */
final class SequenceIdQuery {



    private SequenceIdQuery() {
    }

    static long fetch(Session session) {
        ObjectNode params = FacebookJson.MAPPER.createObjectNode();
        params.put("limit", 0);
        params.putArray("tags").add("INBOX");
        params.putNull("before");
        params.put("includeDeliveryReceipts", false);
        params.put("includeSeqID", true);
        List<JsonNode> results = session.requests().graphqlReads(List.of(GraphQLBatch.fromDocId(session.requests().constant(ProtocolConstant.THREAD_LIST_DOC_ID), params)));
        if (results.isEmpty() || results.get(0) == null) {
            throw new ParseError("No answer to the sequence id query", results);
        }
        String sequenceId = results.get(0).path("viewer").path("message_threads").path("sync_sequence_id").asString("");
        if (sequenceId.isEmpty()) {
            throw new NotLoggedIn("Failed fetching sequence id");
        }
        try {
            return Long.parseLong(sequenceId);
        }
        catch (NumberFormatException ex) {
            throw new ParseError("Sequence id is not a number", sequenceId, ex);
        }
    }
}
