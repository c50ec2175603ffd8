package dev.fbchat.emulator.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/graphqlbatch/}: runs each query of {@code queries} ({@code q0}, {@code q1},
 * ...) and answers one JSON object per query, then the batch summary, separated by
 * {@code \r\n}. A query names its document by {@code doc_id}, {@code query_id}, or as text
 * ({@code q}, answered under {@code response} instead of {@code data}); the families of
 * {@link GraphqlDocuments} answer them.
 */
final class GraphqlBatchEndpoint extends LoggedInEndpoints {

    private static final Pattern QUERY_NAME = Pattern.compile("Query\\s+(\\w+)");

    private final Map<String, GraphqlDocuments.Resolver> resolvers = new HashMap<>();

    GraphqlBatchEndpoint(World world) {
        super(world, "/api/graphqlbatch/");
        for (GraphqlDocuments family : List.of(new ThreadReadEndpoints(world), new SearchEndpoints(world),
                new UserEndpoints(world), new GroupApprovalDocuments(world))) {
            this.resolvers.putAll(family.graphqlDocuments());
        }
    }

    @Override
    protected FullHttpResponse answer(HttpExchange exchange, Account viewer) {
        JsonNode queries;
        try {
            String text = exchange.formField("queries");
            queries = text == null ? null : EmulatorJson.MAPPER.readTree(text);
        }
        catch (JacksonException ex) {
            queries = null;
        }
        if (queries == null || !queries.isObject()) {
            return HttpAnswers.payloadError(1357031, "This content is no longer available",
                    "The content you requested cannot be displayed at the moment.");
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> query : queries.properties()) {
            ObjectNode result = EmulatorJson.MAPPER.createObjectNode();
            ObjectNode answer = result.putObject(query.getKey());
            JsonNode request = query.getValue();
            boolean text = !request.has("doc_id") && !request.has("query_id") && request.has("q");
            try {
                JsonNode params = request.path("query_params");
                answer.set(text ? "response" : "data",
                        resolver(request).resolve(viewer, params.isObject() ? params : EmulatorJson.MAPPER.createObjectNode()));
            }
            catch (GraphqlException ex) {
                answer.putNull("response");
                answer.set("error", ex.toJson());
            }
            parts.add(EmulatorJson.MAPPER.writeValueAsString(result));
        }
        // Every query counts as a result, those answered with an error object too.
        parts.add(EmulatorJson.MAPPER.writeValueAsString(EmulatorJson.MAPPER.createObjectNode()
            .put("successful_results", parts.size())
            .put("error_results", 0)
            .put("skipped_results", 0)));
        return HttpAnswers.text(HttpResponseStatus.OK, "application/x-javascript; charset=utf-8", String.join("\r\n", parts));
    }

    private GraphqlDocuments.Resolver resolver(JsonNode request) {
        if (request.has("doc_id")) {
            String docId = request.path("doc_id").asString("");
            return found(docId, "Unknown doc_id " + docId);
        }
        if (request.has("query_id")) {
            String queryId = request.path("query_id").asString("");
            return found(queryId, "Unknown query_id " + queryId);
        }
        Matcher name = QUERY_NAME.matcher(request.path("q").asString(""));
        if (name.find()) {
            return found("Query:" + name.group(1), "Unknown query " + name.group(1));
        }
        throw GraphqlException.unknownDocument("No doc_id, query_id or q");
    }

    private GraphqlDocuments.Resolver found(String key, String unknown) {
        GraphqlDocuments.Resolver resolver = this.resolvers.get(key);
        if (resolver == null) {
            throw GraphqlException.unknownDocument(unknown);
        }
        return resolver;
    }
}
