package dev.fbchat.emulator.web;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads {@code query_params} leniently: numbers may come as strings and the other way round, as clients send them. */
final class GraphqlParams {

    private GraphqlParams() {
    }

    /** A text or number parameter as text, or {@code null} when missing or null. */
    static @Nullable String string(JsonNode params, String name) {
        JsonNode value = params.path(name);
        if (value.isString() || value.isNumber()) {
            return value.asString();
        }
        return null;
    }

    /** A text parameter that must be there. */
    static String requiredString(JsonNode params, String name) {
        String value = string(params, name);
        if (value == null || value.isEmpty()) {
            throw GraphqlException.invalidParameter(name);
        }
        return value;
    }

    /** A whole-number parameter (at least 0), or {@code fallback} when missing or null. */
    static int count(JsonNode params, String name, int fallback) {
        Long value = number(params, name);
        return value == null ? fallback : (int) Math.max(0, Math.min(Integer.MAX_VALUE, value));
    }

    /** A number parameter (such as a time in ms), or {@code null} when missing or null. */
    static @Nullable Long number(JsonNode params, String name) {
        JsonNode value = params.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asLong();
        }
        if (value.isString()) {
            try {
                return Long.parseLong(value.asString().strip());
            }
            catch (NumberFormatException ex) {
                throw GraphqlException.invalidParameter(name);
            }
        }
        throw GraphqlException.invalidParameter(name);
    }

    /** A boolean parameter ({@code true}, {@code "true"}, {@code 1}), or {@code fallback}. */
    static boolean flag(JsonNode params, String name, boolean fallback) {
        JsonNode value = params.path(name);
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isString()) {
            return value.asString().equalsIgnoreCase("true") || value.asString().equals("1");
        }
        if (value.isNumber()) {
            return value.asInt() != 0;
        }
        return fallback;
    }
}
