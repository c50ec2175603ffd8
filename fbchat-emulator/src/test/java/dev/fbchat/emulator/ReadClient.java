package dev.fbchat.emulator;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The read requests as fbchat sends them, for the tests: GraphQL batches by {@code doc_id},
 * {@code query_id} or query text, and payload posts. Written from the protocol document, not
 * from the client.
 */
final class ReadClient {

    final BrowserClient browser;

    ReadClient(BrowserClient browser) {
        this.browser = browser;
    }

    static ReadClient loggedIn(MessengerEmulator emulator, Account account) {
        return new ReadClient(BrowserClient.loggedIn(emulator, account));
    }

    /** One query by {@code doc_id}: the answer object of {@code q0} ({@code data} or {@code error}). */
    JsonNode doc(String docId, Map<String, ?> params) {
        return batch(Map.of("q0", Map.of("doc_id", docId, "query_params", params))).get(0).path("q0");
    }

    /** One query by {@code query_id}. */
    JsonNode queryId(String queryId, Map<String, ?> params) {
        return batch(Map.of("q0", Map.of("query_id", queryId, "query_params", params))).get(0).path("q0");
    }

    /** One query sent as text ({@code q}), as fbchat's search methods send it. */
    JsonNode text(String queryName, Map<String, ?> params) {
        String q = "Query " + queryName + "(<search> = '', <limit> = 10) { entities_named(<search>) { ... } }";
        return batch(Map.of("q0", Map.of("priority", 0, "q", q, "query_params", params))).get(0).path("q0");
    }

    /** A whole batch: the objects of the answer body, the summary last. */
    List<JsonNode> batch(Map<String, ?> queries) {
        String body = this.browser.postForm("/api/graphqlbatch/", form(Map.of("method", "GET", "response_format", "json",
                "queries", BrowserClient.JSON.writeValueAsString(queries))))
            .body();
        return Arrays.stream(body.split("\r\n")).map(BrowserClient.JSON::readTree).toList();
    }

    /** A payload post: the whole answer ({@code payload}, or an error payload). */
    JsonNode post(String path, Map<String, String> form) {
        return this.browser.api(path, form);
    }

    /** A payload post that must succeed: its {@code payload}. */
    JsonNode payload(String path, Map<String, String> form) {
        JsonNode answer = post(path, form);
        if (answer.has("error")) {
            throw new AssertionError(path + " answered an error: " + answer);
        }
        return answer.path("payload");
    }

    private Map<String, String> form(Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("__a", "1");
        form.put("__req", "a");
        form.put("__rev", "1009000000");
        form.put("fb_dtsg", this.browser.fbDtsg);
        return form;
    }

    /** A map of alternating keys and values, nulls allowed, in order. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
