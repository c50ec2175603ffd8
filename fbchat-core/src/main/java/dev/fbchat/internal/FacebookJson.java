package dev.fbchat.internal;

import java.util.ArrayList;
import java.util.List;

import dev.fbchat.ExternalError;
import dev.fbchat.GraphQLError;
import dev.fbchat.InvalidParameters;
import dev.fbchat.NotLoggedIn;
import dev.fbchat.ParseError;
import dev.fbchat.PleaseRefresh;
import dev.fbchat.internal.parse.Py;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Facebook's JSON answers: strips the {@code for (;;);} guard, parses, and turns error
 * payloads into the exception family ({@code handle_payload_error} and
 * {@code handle_graphql_errors} in fbchat).
 */
public final class FacebookJson {

    /**
     * The one mapper of the client side: thread-safe and immutable. Its parsers borrow buffers from a per-thread pool,
     * the cheapest for the small JSON texts read many times over (JSON inside payloads, such as a poll's question).
     */
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
        .recyclerPool(JsonRecyclerPools.threadLocalPool())
        .build()).build();

    private FacebookJson() {
    }

    /** Drops whatever precedes the first {@code {}, such as Facebook's {@code for (;;);} guard. */
    public static String stripJsonCruft(String text) {
        int start = text.indexOf('{');
        if (start < 0) {
            throw new ParseError("No JSON object found", text);
        }
        return text.substring(start);
    }

    /** Parses one JSON document. */
    public static JsonNode parse(String text) {
        if (text.isBlank()) {
            throw new ParseError("Error while parsing JSON", text);
        }
        try {
            return MAPPER.readTree(text);
        }
        catch (JacksonException ex) {
            throw new ParseError("Error while parsing JSON", text, ex);
        }
    }

    /**
     * Parses a body holding several JSON documents one after another, as GraphQL batches answer ({@code
     * ConcatJSONDecoder} in fbchat): each document is one item, a list as well as an object.
     */
    public static List<JsonNode> parseConcatenated(String text) {
        List<JsonNode> nodes = new ArrayList<>();
        // Given a parser of its own, the reader takes a list at the top as one document (with the text, it would read
        // the list's items as the documents)
        try (JsonParser parser = MAPPER.createParser(text);
                MappingIterator<JsonNode> values = MAPPER.readerFor(JsonNode.class).readValues(parser)) {
            while (values.hasNextValue()) {
                nodes.add(values.nextValue());
            }
        }
        catch (JacksonException ex) {
            throw new ParseError("Error while parsing JSON", text, ex);
        }
        if (nodes.isEmpty() && !text.isEmpty()) {
            // Only blanks: Python's decoder expects a value after them.
            throw new ParseError("Error while parsing JSON", text);
        }
        return nodes;
    }

    /**
     * Throws the matching exception when {@code json} is one of Facebook's error payloads ({@code handle_payload_error}):
     * 1357001 is {@link NotLoggedIn}, 1357004 {@link PleaseRefresh}, 1357031, 1545010 and 1545003
     * {@link InvalidParameters}, any other {@link ExternalError}.
     */
    public static void handlePayloadError(JsonNode json) {
        // Python's `"error" in j`: a text or a list may hold it too, and then cannot be indexed by it
        if (!Py.contains(json, "error")) {
            return;
        }
        if (!json.isObject()) {
            throw new ParseError("Expected an error payload to be an object", json);
        }
        JsonNode error = json.get("error");
        String summary = Py.strOrNull(Py.req(json, "errorSummary"));
        if (numberEquals(error, 1357001)) {
            throw new NotLoggedIn(Py.str(Py.req(json, "errorSummary")));
        }
        String description = Py.strOrNull(Py.req(json, "errorDescription"));
        Integer code = code(error);
        if (numberEquals(error, PleaseRefresh.CODE)) {
            throw new PleaseRefresh(summary, description, code);
        }
        if (numberEquals(error, 1357031) || numberEquals(error, 1545010) || numberEquals(error, 1545003)) {
            throw new InvalidParameters(summary, description, code);
        }
        throw new ExternalError(summary, description, code);
    }

    /**
     * Throws a {@link GraphQLError} for the first error of a GraphQL result's {@code errors} (or its {@code error})
     * ({@code handle_graphql_errors}).
     */
    public static void handleGraphqlErrors(JsonNode json) {
        if (!json.isObject()) {
            throw new ParseError("Expected a GraphQL result to be an object", json);
        }
        JsonNode errors = null;
        if (Py.truthy(json, "error")) {
            errors = MAPPER.createArrayNode().add(json.get("error"));
        }
        if (json.has("errors")) {
            errors = json.get("errors");
        }
        if (!Py.truthy(errors)) {
            return;
        }
        if (!errors.isArray()) {
            throw new ParseError("Expected a list of GraphQL errors", json);
        }
        JsonNode error = errors.get(0);
        if (!error.isObject()) {
            throw new ParseError("Expected a GraphQL error to be an object", json);
        }
        String summary = error.has("summary") ? Py.strOrNull(error.get("summary")) : "Unknown error";
        JsonNode description = Py.truthy(error, "message") ? Py.get(error, "message")
                : Py.truthy(error, "description") ? Py.get(error, "description") : null;
        // fbchat shows the debug info when it is truthy; a false one (0, [], {}) is as none
        JsonNode debugInfo = error.get("debug_info");
        throw new GraphQLError(summary, description == null ? "" : Py.str(description), code(Py.get(error, "code")),
                Py.truthy(debugInfo) || (debugInfo != null && debugInfo.isString()) ? Py.str(debugInfo) : null);
    }

    /**
     * Checks an answer of the poll endpoints: {@code {"status": "success"}}, or an {@link ExternalError} of
     * {@code failure} and the answer's {@code errorTitle}, described by its {@code errorMessage}.
     */
    public static void requireSuccessStatus(JsonNode payload, String failure) {
        JsonNode status = payload.isObject() ? payload.get("status") : null;
        if (status == null || !status.isString() || !status.stringValue().equals("success")) {
            String title = Py.strOrNull(payload.get("errorTitle"));
            throw new ExternalError(failure + (title == null ? "None" : title),
                    Py.strOrNull(payload.get("errorMessage")), null);
        }
    }

    /** Python's {@code value == number}: a JSON number (or boolean) of that value. */
    private static boolean numberEquals(JsonNode value, long number) {
        return value.isNumber() && value.decimalValue().compareTo(java.math.BigDecimal.valueOf(number)) == 0;
    }

    /** An error code as a number: a JSON number of integral value or a text of digits; {@code null} otherwise. */
    private static @Nullable Integer code(@Nullable JsonNode code) {
        if (code == null || code.isNull()) {
            return null;
        }
        if (code.isNumber()) {
            java.math.BigDecimal value = code.decimalValue();
            boolean integral = value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
            return integral && value.abs().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                    ? value.intValue() : null;
        }
        if (code.isString() && code.stringValue().matches("-?\\d{1,9}")) {
            return Integer.valueOf(code.stringValue());
        }
        return null;
    }

    /**
     * Compact JSON exactly as fbchat's {@code json_minimal} (Python's {@code json.dumps} with {@code ensure_ascii}) writes
     * it: no spaces, every character outside printable ASCII escaped as a lowercase {@code \\uXXXX}.
     */
    public static String minimal(JsonNode value) {
        StringBuilder out = new StringBuilder();
        writeMinimal(value, out);
        return out.toString();
    }

    private static void writeMinimal(JsonNode value, StringBuilder out) {
        if (value.isObject()) {
            out.append('{');
            boolean first = true;
            for (java.util.Map.Entry<String, JsonNode> property : value.properties()) {
                out.append(first ? "" : ",");
                writeString(property.getKey(), out);
                out.append(':');
                writeMinimal(property.getValue(), out);
                first = false;
            }
            out.append('}');
        }
        else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                out.append(i == 0 ? "" : ",");
                writeMinimal(value.get(i), out);
            }
            out.append(']');
        }
        else if (value.isString()) {
            writeString(value.stringValue(), out);
        }
        else if (value.isNumber() && !value.isIntegralNumber()) {
            double number = value.doubleValue();
            out.append(Double.isNaN(number) ? "NaN" : Double.isInfinite(number) ? (number > 0 ? "Infinity" : "-Infinity")
                    : dev.fbchat.internal.parse.Py.floatRepr(number));
        }
        else {
            out.append(value.isNull() || value.isMissingNode() ? "null" : value.asString());
        }
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The text of a JSON value, or {@code null} for a missing or JSON-null value. */
    public static @Nullable String textOrNull(@Nullable JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}
