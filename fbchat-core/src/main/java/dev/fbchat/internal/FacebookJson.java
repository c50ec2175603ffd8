package dev.fbchat.internal;

import java.util.ArrayList;
import java.util.List;

import dev.fbchat.ExternalError;
import dev.fbchat.GraphQLError;
import dev.fbchat.InvalidParameters;
import dev.fbchat.NotLoggedIn;
import dev.fbchat.ParseError;
import dev.fbchat.PleaseRefresh;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Facebook's JSON answers: strips the {@code for (;;);} guard, parses, and turns error
 * payloads into the exception family ({@code handle_payload_error} and
 * {@code handle_graphql_errors} in fbchat).
 */
public final class FacebookJson {

    /** The one mapper of the client side: thread-safe and immutable. */
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

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
        try {
            return MAPPER.readTree(text);
        }
        catch (JacksonException ex) {
            throw new ParseError("Error while parsing JSON", text, ex);
        }
    }

    /** Parses a body holding several JSON documents one after another, as GraphQL batches answer. */
    public static List<JsonNode> parseConcatenated(String text) {
        List<JsonNode> nodes = new ArrayList<>();
        try (MappingIterator<JsonNode> values = MAPPER.readerFor(JsonNode.class).readValues(text)) {
            while (values.hasNextValue()) {
                nodes.add(values.nextValue());
            }
        }
        catch (JacksonException ex) {
            throw new ParseError("Error while parsing JSON", text, ex);
        }
        return nodes;
    }

    /** Throws the matching exception when {@code json} is one of Facebook's error payloads. */
    public static void handlePayloadError(JsonNode json) {
        if (!json.has("error")) {
            return;
        }
        int code = json.path("error").asInt();
        String summary = json.path("errorSummary").asString("");
        String description = json.path("errorDescription").asString("");
        switch (code) {
            case 1357001 -> throw new NotLoggedIn(summary);
            case PleaseRefresh.CODE -> throw new PleaseRefresh(summary, description, code);
            case 1357031, 1545010, 1545003 -> throw new InvalidParameters(summary, description, code);
            default -> throw new ExternalError(summary, description, code);
        }
    }

    /** Throws a {@link GraphQLError} when a GraphQL result carries {@code error} or {@code errors}. */
    public static void handleGraphqlErrors(JsonNode json) {
        JsonNode error = null;
        JsonNode errors = json.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            error = errors.get(0);
        }
        else if (json.hasNonNull("error") && json.get("error").isObject()) {
            error = json.get("error");
        }
        if (error == null) {
            return;
        }
        String description = textOrNull(error.get("message"));
        if (description == null || description.isEmpty()) {
            description = textOrNull(error.get("description"));
        }
        JsonNode code = error.get("code");
        throw new GraphQLError(error.path("summary").asString("Unknown error"), description == null ? "" : description,
                code == null || code.isNull() ? null : code.asInt(), textOrNull(error.get("debug_info")));
    }

    /** The text of a JSON value, or {@code null} for a missing or JSON-null value. */
    public static @Nullable String textOrNull(@Nullable JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}
