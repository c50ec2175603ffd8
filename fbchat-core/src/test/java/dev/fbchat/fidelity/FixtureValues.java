package dev.fbchat.fidelity;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.fbchat.Session;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.internal.parse.Py;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.UnknownThread;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes Java values in the fixtures' notation ({@code fixtures/README.md}) and compares them with fbchat's: records
 * as {@code {"@type": ..., snake_case fields}}, instants as {@code datetime}, durations as {@code timedelta}, enums as
 * {@code @enum}. Sets compare unordered (an empty one also with fbchat's {@code {}}); a number and a text compare equal
 * when the text is Python's {@code str()} of the number (Java ids are always text, where Python sometimes keeps
 * Facebook's integer).
 */
final class FixtureValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Java class names that differ from fbchat's. */
    private static final Map<String, String> TYPE_NAMES = Map.of("UnknownThread", "Thread", "UnknownAttachment",
            "Attachment");

    private FixtureValues() {
    }

    /** Asserts that {@code actual} is what fbchat returned. */
    static void assertMatches(JsonNode expected, @Nullable Object actual) {
        JsonNode tree = toTree(actual);
        JsonNode[] aligned = align(expected, tree);
        assertThat(pretty(aligned[1])).isEqualTo(pretty(aligned[0]));
    }

    /** The fixture notation of a Java value; sets become {@code {"@set": [...]}}. */
    static JsonNode toTree(@Nullable Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            return NODES.stringNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Integer || value instanceof Long) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return NODES.numberNode(number.doubleValue());
        }
        if (value instanceof Instant instant) {
            ObjectNode node = NODES.objectNode();
            node.put("@type", "datetime");
            node.put("epoch_ms", instant.toEpochMilli());
            return node;
        }
        if (value instanceof Duration duration) {
            ObjectNode node = NODES.objectNode();
            node.put("@type", "timedelta");
            node.put("seconds", BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9)));
            return node;
        }
        if (value instanceof Enum<?> constant) {
            ObjectNode node = NODES.objectNode();
            node.put("@enum", constant.getDeclaringClass().getSimpleName());
            node.put("name", constant.name());
            node.set("value", toTree(invoke(constant, "value")));
            return node;
        }
        if (value instanceof Session session) {
            ObjectNode node = NODES.objectNode();
            node.put("@type", "Session");
            node.put("user_id", session.user().id());
            return node;
        }
        if (value instanceof MessengerThread thread) {
            ObjectNode node = NODES.objectNode();
            node.put("@type", thread instanceof UnknownThread ? "Thread" : thread.getClass().getSimpleName());
            node.put("id", thread.id());
            return node;
        }
        if (value instanceof Record record) {
            ObjectNode node = NODES.objectNode();
            String name = record.getClass().getSimpleName();
            node.put("@type", TYPE_NAMES.getOrDefault(name, name));
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                node.set(snakeCase(component.getName()), toTree(invoke(record, component.getName())));
            }
            return node;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            map.forEach((key, item) -> node.set(String.valueOf(key), toTree(item)));
            return node;
        }
        if (value instanceof Set<?> set) {
            ObjectNode node = NODES.objectNode();
            node.set("@set", array(set));
            return node;
        }
        if (value instanceof Collection<?> list) {
            return array(list);
        }
        if (value instanceof Object[] items) {
            return array(List.of(items));
        }
        throw new IllegalArgumentException("No fixture notation for " + value.getClass());
    }

    /** {@code framesPerCol} → {@code frames_per_col}. */
    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Brings {@code actual} into {@code expected}'s shape where the two mean the same value. */
    private static JsonNode[] align(JsonNode expected, JsonNode actual) {
        if (actual.isObject() && actual.size() == 1 && actual.has("@set") && expected.isArray()) {
            return new JsonNode[] { sorted(canonical(expected)), sorted(canonical(actual.get("@set"))) };
        }
        // fbchat writes {} (Python's empty dict) for some empty sets, such as a video's previews without an image
        if (actual.isObject() && actual.size() == 1 && actual.path("@set").isEmpty() && actual.get("@set") != null
                && expected.isObject() && expected.isEmpty()) {
            return new JsonNode[] { expected, expected };
        }
        if (expected.isNumber() && actual.isNumber()
                && expected.decimalValue().compareTo(actual.decimalValue()) == 0) {
            return new JsonNode[] { actual, actual };
        }
        if ((expected.isNumber() && actual.isString() && Py.str(expected).equals(actual.stringValue()))
                || (expected.isString() && actual.isNumber() && Py.str(actual).equals(expected.stringValue()))) {
            return new JsonNode[] { actual, actual };
        }
        if (expected.isObject() && actual.isObject()) {
            ObjectNode left = NODES.objectNode();
            ObjectNode right = NODES.objectNode();
            boolean datetime = "datetime".equals(expected.path("@type").asString(""));
            for (Map.Entry<String, JsonNode> property : expected.properties()) {
                if (datetime && property.getKey().equals("iso")) {
                    continue;
                }
                JsonNode other = actual.get(property.getKey());
                if (other == null) {
                    left.set(property.getKey(), property.getValue());
                    continue;
                }
                JsonNode[] pair = align(property.getValue(), other);
                left.set(property.getKey(), pair[0]);
                right.set(property.getKey(), pair[1]);
            }
            for (Map.Entry<String, JsonNode> property : actual.properties()) {
                if (!expected.has(property.getKey())) {
                    right.set(property.getKey(), property.getValue());
                }
            }
            return new JsonNode[] { left, right };
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            ArrayNode left = NODES.arrayNode();
            ArrayNode right = NODES.arrayNode();
            for (int i = 0; i < expected.size(); i++) {
                JsonNode[] pair = align(expected.get(i), actual.get(i));
                left.add(pair[0]);
                right.add(pair[1]);
            }
            return new JsonNode[] { left, right };
        }
        return new JsonNode[] { expected, actual };
    }

    /** A set's elements in a fixed order, each in a canonical form (numbers as decimals, datetimes without iso). */
    private static JsonNode canonical(JsonNode node) {
        if (node.isNumber()) {
            return NODES.numberNode(node.decimalValue().stripTrailingZeros());
        }
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            boolean datetime = "datetime".equals(node.path("@type").asString(""));
            node.properties().forEach(p -> {
                if (!(datetime && p.getKey().equals("iso"))) {
                    copy.set(p.getKey(), canonical(p.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(item -> copy.add(canonical(item)));
            return copy;
        }
        return node;
    }

    private static JsonNode sorted(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        items.sort(Comparator.comparing(JsonNode::toString));
        ArrayNode node = NODES.arrayNode();
        items.forEach(node::add);
        return node;
    }

    private static ArrayNode array(Collection<?> items) {
        ArrayNode node = NODES.arrayNode();
        items.forEach(item -> node.add(toTree(item)));
        return node;
    }

    private static @Nullable Object invoke(Object target, String accessor) {
        try {
            Method method = target.getClass().getMethod(accessor);
            method.setAccessible(true);
            return method.invoke(target);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("Cannot read " + accessor + " of " + target.getClass(), ex);
        }
    }

    private static String pretty(JsonNode node) {
        return FacebookJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }
}
