package dev.fbchat.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.fbchat.ParseError;
import dev.fbchat.internal.parse.Py;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GraphQL batch codec: queries are sent as {@code {"q0": ..., "q1": ...}}; the answer is
 * one JSON object per query, in any order, followed by a summary object.
 */
public final class GraphQLBatch {

    private GraphQLBatch() {
    }

    /** {@code from_doc_id}: a query naming a persisted document by id, with its variables. */
    public static ObjectNode fromDocId(String docId, JsonNode params) {
        return query("doc_id", docId, params);
    }

    /** {@code from_doc}: a query carrying a whole document. */
    public static ObjectNode fromDoc(String doc, JsonNode params) {
        return query("doc", doc, params);
    }

    /** {@code from_query}: a query in Facebook's own GraphQL dialect, by text. */
    public static ObjectNode fromQuery(String text, JsonNode params) {
        ObjectNode query = FacebookJson.MAPPER.createObjectNode();
        query.put("priority", 0);
        return query.setAll(query("q", text, params));
    }

    /** {@code from_query_id}: a persisted query by id. */
    public static ObjectNode fromQueryId(String queryId, JsonNode params) {
        return query("query_id", queryId, params);
    }

    private static ObjectNode query(String kind, String value, JsonNode params) {
        ObjectNode query = FacebookJson.MAPPER.createObjectNode();
        query.put(kind, value);
        query.set("query_params", params);
        return query;
    }

    /** Encodes the queries as one compact JSON object keyed {@code q0..qN}. */
    public static String queriesToJson(List<? extends JsonNode> queries) {
        ObjectNode batch = FacebookJson.MAPPER.createObjectNode();
        for (int i = 0; i < queries.size(); i++) {
            batch.set("q" + i, queries.get(i));
        }
        return FacebookJson.minimal(batch);
    }

    /**
     * Decodes a batch answer into the results by query index, raising the payload or GraphQL error of any query that
     * failed. The closing summary object ({@code error_results}) drops the last slot, as fbchat does.
     */
    public static List<@Nullable JsonNode> responseToJson(String text) {
        String content = FacebookJson.stripJsonCruft(text);
        List<JsonNode> objects = FacebookJson.parseConcatenated(content);
        List<@Nullable JsonNode> results = new ArrayList<>(Collections.nCopies(objects.size(), (JsonNode) null));
        for (JsonNode object : objects) {
            // Python's `"error_results" in x`, which a list or a text may also answer
            if (Py.contains(object, "error_results")) {
                results.remove(results.size() - 1);
                continue;
            }
            FacebookJson.handlePayloadError(object);
            if (!object.isObject() || object.size() != 1) {
                throw new ParseError("Expected one query result per object", object);
            }
            String key = object.propertyNames().iterator().next();
            JsonNode value = object.get(key);
            FacebookJson.handleGraphqlErrors(value);
            JsonNode result = value.isObject() && value.has("response") ? value.get("response") : Py.req(value, "data");
            int index = queryIndex(key, object);
            int slot = index < 0 ? results.size() + index : index;
            if (slot < 0 || slot >= results.size()) {
                throw new ParseError("Query index out of range: " + key, object);
            }
            results.set(slot, result);
        }
        return results;
    }

    private static int queryIndex(String key, JsonNode object) {
        try {
            return Integer.parseInt(key.substring(1).strip());
        }
        catch (NumberFormatException | IndexOutOfBoundsException ex) {
            throw new ParseError("Unexpected query key " + key, object, ex);
        }
    }
}
