package dev.fbchat.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code /t_ms} payloads benchmarked, made from the real Facebook deltas of {@code fixtures/events} (copied into
 * the jar at build time): the first {@code parse_delta} case of each delta class (named by the class, e.g.
 * {@code NewMessage}), the first {@code parse_admin_message} case of each admin-text type (named
 * {@code admin:<type>}), each other delta class of the {@code /t_ms} case of {@code parse_events} (its
 * {@code ClientPayload} delta), a batch of
 * {@value #BATCH} {@code NewMessage} deltas ({@code NewMessage_x50}), and a batch of the admin-text deltas above, one of
 * each type ({@value #ADMIN_TEXTS}). Each delta is wrapped as {@code {"deltas":[...]}}.
 */
public final class FixturePayloads {

    /** The number of deltas in the batch payload. */
    public static final int BATCH = 50;

    /** The payload holding one delta of each admin-text type: the {@code AdminTextMessage} class as a whole. */
    public static final String ADMIN_TEXTS = "AdminTextMessage_all";

    /** The account every fixture case is parsed for. */
    public static final String USER_ID = "31415926536";

    /** A payload: its bytes and how many deltas it carries. */
    public record Payload(byte[] bytes, int deltas) {
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final String[] FILES = {"events_delta.json", "events_topics.json"};

    private FixturePayloads() {
    }

    /** Every payload, by name, in fixture order. */
    public static Map<String, Payload> all() {
        Map<String, JsonNode> deltas = new LinkedHashMap<>();
        for (String file : FILES) {
            for (JsonNode testCase : read(file)) {
                String function = testCase.get("function").stringValue();
                JsonNode data = testCase.get("input").get("data");
                if (function.endsWith(".parse_delta")) {
                    deltas.putIfAbsent(data.get("class").stringValue(), data);
                }
                else if (function.endsWith(".parse_admin_message")) {
                    deltas.putIfAbsent("admin:" + data.get("type").stringValue(), data);
                }
                else if (function.endsWith(".parse_events")
                        && "/t_ms".equals(testCase.get("input").get("topic").stringValue())) {
                    // a mixed payload: each delta class not met above (ClientPayload) on its own
                    for (JsonNode delta : data.get("deltas")) {
                        deltas.putIfAbsent(delta.get("class").stringValue(), delta);
                    }
                }
            }
        }
        Map<String, Payload> all = new LinkedHashMap<>();
        deltas.forEach((name, delta) -> all.put(name, wrap(delta)));
        JsonNode message = deltas.get("NewMessage");
        if (message == null) {
            throw new IllegalStateException("no NewMessage delta in the fixtures");
        }
        ArrayNode batch = MAPPER.createArrayNode();
        for (int i = 0; i < BATCH; i++) {
            ObjectNode copy = (ObjectNode) message.deepCopy();
            ObjectNode metadata = (ObjectNode) copy.get("messageMetadata");
            metadata.put("messageId", metadata.get("messageId").stringValue() + i);
            batch.add(copy);
        }
        all.put("NewMessage_x" + BATCH, payload(batch));
        ArrayNode adminTexts = MAPPER.createArrayNode();
        deltas.forEach((name, delta) -> {
            if (name.startsWith("admin:")) {
                adminTexts.add(delta);
            }
        });
        all.put(ADMIN_TEXTS, payload(adminTexts));
        return Collections.unmodifiableMap(all);
    }

    /** One payload by name. */
    public static Payload get(String name) {
        Payload payload = all().get(name);
        if (payload == null) {
            throw new IllegalArgumentException("no payload " + name + "; known: " + all().keySet());
        }
        return payload;
    }

    private static Payload wrap(JsonNode delta) {
        ArrayNode deltas = MAPPER.createArrayNode();
        deltas.add(delta);
        return payload(deltas);
    }

    private static Payload payload(ArrayNode deltas) {
        ObjectNode data = MAPPER.createObjectNode();
        data.set("deltas", deltas);
        return new Payload(MAPPER.writeValueAsBytes(data), deltas.size());
    }

    private static JsonNode read(String file) {
        try (InputStream in = FixturePayloads.class.getResourceAsStream("/fixtures/events/" + file)) {
            if (in == null) {
                throw new IllegalStateException("fixture " + file + " is not in the jar");
            }
            return MAPPER.readTree(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
