package dev.fbchat.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.fbchat.ParseError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GraphQL batch codec: queries are sent as {@code {"q0": ..., "q1": ...}}; the answer is
 * one JSON object per query, in any order, followed by a summary object.
 */
public final class GraphQLBatch {

    private GraphQLBatch() {
    }

    /** A query naming a persisted document by id, with its variables. */
    public static ObjectNode fromDocId(String docId, ObjectNode params) {
        ObjectNode query = FacebookJson.MAPPER.createObjectNode();
        query.put("doc_id", docId);
        query.set("query_params", params);
        return query;
    }

    /** Encodes the queries as one compact JSON object keyed {@code q0..qN}. */
    public static String queriesToJson(List<? extends JsonNode> queries) {
        ObjectNode batch = FacebookJson.MAPPER.createObjectNode();
        for (int i = 0; i < queries.size(); i++) {
            batch.set("q" + i, queries.get(i));
        }
        return FacebookJson.MAPPER.writeValueAsString(batch);
    }

    /**
     * Decodes a batch answer into the results by query index, raising the payload or GraphQL
     * error of any query that failed.
     */
    public static List<JsonNode> responseToJson(String text) {
        String content;
        try {
            content = FacebookJson.stripJsonCruft(text);
        }
        catch (ParseError ex) {
            content = text;
        }
        List<JsonNode> objects = FacebookJson.parseConcatenated(content);
        JsonNode[] results = new JsonNode[objects.size()];
        int size = objects.size();
        for (JsonNode object : objects) {
            if (object.has("error_results")) {
                size--;
                continue;
            }
            FacebookJson.handlePayloadError(object);
            if (object.size() != 1) {
                throw new ParseError("Expected one query result per object", object);
            }
            String key = object.propertyNames().iterator().next();
            JsonNode value = object.get(key);
            FacebookJson.handleGraphqlErrors(value);
            int index = queryIndex(key, object);
            if (index >= results.length) {
                throw new ParseError("Query index out of range", object);
            }
            results[index] = value.has("response") ? value.get("response") : value.get("data");
        }
        return new ArrayList<>(Arrays.asList(results).subList(0, Math.max(size, 0)));
    }

    private static int queryIndex(String key, JsonNode object) {
        try {
            return Integer.parseInt(key.substring(1));
        }
        catch (NumberFormatException | IndexOutOfBoundsException ex) {
            throw new ParseError("Unexpected query key " + key, object, ex);
        }
    }
}
