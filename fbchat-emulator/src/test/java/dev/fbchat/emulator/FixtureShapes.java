package dev.fbchat.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real payloads of {@code fixtures/events} (captured from Facebook, see fixtures/README.md),
 * to hold the emulator's payloads against: the same field names at every level and the same
 * kind of value (string, number, boolean, list, object) in each. Values themselves differ.
 */
final class FixtureShapes {

    private static final List<JsonNode> PAYLOADS = load();

    private FixtureShapes() {
    }

    private static List<JsonNode> load() {
        Path dir = Path.of(System.getProperty("fbchat.fixtures.dir", "../fixtures"), "events");
        List<JsonNode> payloads = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode fixture : BrowserClient.JSON.readTree(Files.readString(file))) {
                    JsonNode data = fixture.path("input").path("data");
                    if (data.isObject()) {
                        payloads.add(data);
                        // A whole /t_ms message: its deltas too, and what its ClientPayloads hold.
                        for (JsonNode delta : data.path("deltas")) {
                            payloads.add(delta);
                            if (delta.path("class").asString("").equals("ClientPayload")) {
                                payloads.addAll(clientDeltas(delta));
                            }
                        }
                    }
                }
            }
        }
        catch (IOException ex) {
            throw new AssertionError("fixtures not found in " + dir + " (set -Dfbchat.fixtures.dir)", ex);
        }
        return payloads;
    }

    /** The deltas a fixture's {@code ClientPayload} holds (its bytes read one character each, as fbchat does). */
    private static List<JsonNode> clientDeltas(JsonNode clientPayload) {
        StringBuilder text = new StringBuilder();
        clientPayload.path("payload").forEach(value -> text.append((char) value.asInt()));
        List<JsonNode> deltas = new ArrayList<>();
        BrowserClient.JSON.readTree(text.toString()).path("deltas").forEach(deltas::add);
        return deltas;
    }

    /** The first fixture payload that matches; fails when none does. */
    static JsonNode fixture(String description, Predicate<JsonNode> which) {
        List<JsonNode> found = PAYLOADS.stream().filter(which).toList();
        assertThat(found).as("fixtures of %s", description).isNotEmpty();
        return found.get(0);
    }

    /** The {@code ClientPayload} inner delta fixture named {@code name} ({@code deltaMessageReaction}, ...). */
    static JsonNode clientDelta(String name, Predicate<JsonNode> which) {
        return fixture(name, data -> data.has(name) && which.test(data.path(name)));
    }

    /** An {@code AdminTextMessage} fixture of {@code type}. */
    static JsonNode adminText(String type, Predicate<JsonNode> which) {
        return delta("AdminTextMessage", data -> type.equals(data.path("type").asString(null)) && which.test(data));
    }

    /** A {@code /t_ms} delta fixture of {@code class} (and admin-text {@code type}, {@code untypedData} value). */
    static JsonNode delta(String deltaClass, Predicate<JsonNode> which) {
        return fixture(deltaClass, data -> deltaClass.equals(data.path("class").asString(null)) && which.test(data));
    }

    /** {@code {"<name>": value}}, as a {@code ClientPayload} holds each delta. */
    static JsonNode wrap(String name, JsonNode value) {
        return BrowserClient.JSON.createObjectNode().set(name, value);
    }

    /** Whether a delta's thread is a group ({@code threadKey.threadFbId}, also under {@code messageMetadata}). */
    static boolean group(JsonNode data) {
        return data.path("threadKey").has("threadFbId") || data.path("messageMetadata").path("threadKey").has("threadFbId");
    }

    /**
     * Asserts that {@code actual} has the shape of {@code fixture}: the same field names in every
     * object, and the same kind of value in each (lists compared by their first elements). The
     * {@code requestContext} of a delta is left out (fbchat's captures elide it as {@code "..."}).
     */
    static void assertSameShape(JsonNode actual, JsonNode fixture) {
        compare("$", actual, fixture);
    }

    private static void compare(String path, JsonNode actual, JsonNode expected) {
        assertThat(kind(actual)).as("the kind of %s in %s (real: %s)", path, actual, expected).isEqualTo(kind(expected));
        if (expected.isObject()) {
            assertThat(names(actual)).as("the fields of %s", path).isEqualTo(names(expected));
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                if (!field.getKey().equals("requestContext")) {
                    compare(path + "." + field.getKey(), actual.path(field.getKey()), field.getValue());
                }
            }
        }
        else if (expected.isArray() && !expected.isEmpty() && !actual.isEmpty()) {
            compare(path + "[0]", actual.path(0), expected.path(0));
        }
    }

    private static TreeSet<String> names(JsonNode object) {
        TreeSet<String> names = new TreeSet<>();
        object.properties().forEach(field -> names.add(field.getKey()));
        return names;
    }

    private static String kind(JsonNode node) {
        if (node.isString()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isArray()) {
            return "list";
        }
        if (node.isObject()) {
            return "object";
        }
        return node.isNull() ? "null" : "missing";
    }
}
