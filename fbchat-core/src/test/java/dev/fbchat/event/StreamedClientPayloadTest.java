package dev.fbchat.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.fbchat.Fixtures;
import dev.fbchat.Session;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.internal.parse.StreamingDeltaReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static dev.fbchat.event.StreamedDeltaTest.batch;
import static dev.fbchat.event.StreamedDeltaTest.bytes;
import static dev.fbchat.event.StreamedDeltaTest.outcome;
import static dev.fbchat.event.StreamedDeltaTest.treeEvents;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code ClientPayload} delta is read token by token: its character codes decoded straight into the text they spell,
 * without a node per code. These tests prove that this gives exactly what reading the whole tree gives: for the real
 * client payloads of the fixtures, and for 3,000 changes of them (the JSON they spell changed, codes of another type or
 * out of range, codes dropped or added, the list replaced, other deltas around them), the same events or the same error,
 * and the same frame with the same deltas skipped.
 */
class StreamedClientPayloadTest {

    /** The session {@link StreamedDeltaTest#treeEvents} parses for: events of other sessions are not equal. */
    private static final Session SESSION = StreamedDeltaTest.SESSION;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final int PAYLOADS = 3_000;

    private final Random random = new Random(2024L);

    @Test
    void realClientPayloadsAreDecodedWithoutATree() {
        List<JsonNode> deltas = clientPayloads();
        assertThat(deltas).hasSizeGreaterThanOrEqualTo(3);
        int events = 0;
        int errors = 0;
        for (JsonNode delta : deltas) {
            byte[] payload = bytes(batch(delta));
            List<StreamingDeltaReader.ReadDelta> read = StreamingDeltaReader.deltas(SESSION,
                    JsonMapper.builder().build(), payload, 1000);
            String expected = outcome(() -> treeEvents(payload));
            assertThat(outcome(() -> EventParser.parse(SESSION, "/t_ms", payload))).isEqualTo(expected);
            if (expected.startsWith("ParseError")) {
                // a malformed one is left to the tree, which words the error
                assertThat(read).isNull();
                errors++;
                continue;
            }
            assertThat(read).singleElement().satisfies(one -> assertThat(one.parsed()).isTrue());
            events += read.get(0).events().size();
        }
        assertThat(events).as("events of the real client payloads").isPositive();
        assertThat(errors).as("malformed real client payloads").isPositive();
    }

    @Test
    void changedClientPayloadsGiveWhatTheTreeGives() {
        List<JsonNode> deltas = clientPayloads();
        List<String> differences = new ArrayList<>();
        int streamed = 0;
        for (int i = 0; i < PAYLOADS && differences.size() < 5; i++) {
            ObjectNode payload = NODES.objectNode();
            ArrayNode batch = payload.putArray("deltas");
            batch.add(changed(deltas.get(this.random.nextInt(deltas.size()))));
            if (this.random.nextInt(4) == 0) {
                batch.add(this.random.nextBoolean() ? NODES.objectNode().put("class", "NoOp")
                        : deltas.get(this.random.nextInt(deltas.size())).deepCopy());
            }
            byte[] bytes = bytes(payload);
            List<StreamingDeltaReader.ReadDelta> read = StreamingDeltaReader.worthReading(bytes)
                    ? StreamingDeltaReader.deltas(SESSION, JsonMapper.builder().build(), bytes, 1000) : null;
            if (read != null && read.stream().allMatch(StreamingDeltaReader.ReadDelta::parsed)) {
                streamed++;
            }
            differences.addAll(StreamedDeltaTest.differencesFromTree(bytes));
        }
        assertThat(differences).isEmpty();
        assertThat(streamed).as("payloads decoded token by token").isGreaterThan(PAYLOADS / 5);
    }

    /** One random change of a client payload delta. */
    private JsonNode changed(JsonNode delta) {
        ObjectNode copy = (ObjectNode) delta.deepCopy();
        ArrayNode codes = (ArrayNode) copy.get("payload");
        int at = this.random.nextInt(codes.size());
        switch (this.random.nextInt(7)) {
            case 0, 1 -> copy.set("payload", codes(changedJson(text(codes))));
            case 2 -> codes.set(at, oddCode());
            case 3 -> codes.remove(at);
            case 4 -> codes.insert(at, NODES.numberNode(new int[] {0, 0x7f, 0xe9, 0xd83d, 0xdc00, 0x1f600,
                0x10ffff}[this.random.nextInt(7)]));
            case 5 -> copy.set("payload", new JsonNode[] {NODES.nullNode(), NODES.arrayNode(), NODES.objectNode(),
                NODES.stringNode("{\"deltas\":[]}"), NODES.numberNode(7)}[this.random.nextInt(5)]);
            default -> {
                // unchanged, or given twice
                if (this.random.nextBoolean()) {
                    copy.remove("class");
                    copy.set("payload", codes("{\"deltas\":[]}"));
                    copy.set("payload", codes);
                    copy.put("class", "ClientPayload");
                }
            }
        }
        return copy;
    }

    /** The JSON a payload spells, with one value changed, dropped or added somewhere in it. */
    private String changedJson(String json) {
        JsonNode tree = FacebookJson.MAPPER.readTree(json);
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(tree, objects);
        ObjectNode target = objects.get(this.random.nextInt(objects.size()));
        List<String> names = new ArrayList<>(target.propertyNames());
        String name = names.isEmpty() || this.random.nextInt(5) == 0 ? "extra"
                : names.get(this.random.nextInt(names.size()));
        if (this.random.nextInt(4) == 0) {
            target.remove(name);
        }
        else {
            target.set(name, new JsonNode[] {NODES.nullNode(), NODES.booleanNode(true), NODES.numberNode(0),
                NODES.numberNode(-1), NODES.stringNode(""), NODES.stringNode("1234"), NODES.stringNode("abc"),
                NODES.arrayNode(), NODES.objectNode(), NODES.numberNode(1.5),
                NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"))}[this.random.nextInt(11)]);
        }
        String written = FacebookJson.MAPPER.writeValueAsString(tree);
        // now and then not JSON at all
        return this.random.nextInt(20) == 0 ? written.substring(0, written.length() / 2) : written;
    }

    private JsonNode oddCode() {
        return new JsonNode[] {NODES.booleanNode(true), NODES.booleanNode(false), NODES.numberNode(-1),
            NODES.numberNode(0x110000), NODES.numberNode(1.5), NODES.numberNode(34.0), NODES.stringNode("a"),
            NODES.nullNode(), NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")),
            NODES.numberNode(34L + (1L << 40)), NODES.arrayNode().add(34)}[this.random.nextInt(11)];
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.values().forEach(child -> collectObjects(child, objects));
    }

    private static String text(ArrayNode codes) {
        StringBuilder text = new StringBuilder();
        codes.values().forEach(code -> text.appendCodePoint(code.intValue()));
        return text.toString();
    }

    private static ArrayNode codes(String text) {
        ArrayNode codes = NODES.arrayNode();
        text.codePoints().forEach(codes::add);
        return codes;
    }

    /** The client payload deltas of the fixtures: those of whole {@code /t_ms} topics and of the client payload cases. */
    private static List<JsonNode> clientPayloads() {
        List<JsonNode> found = new ArrayList<>();
        for (String file : List.of("events/events_topics.json", "events/events_client_payload.json")) {
            for (JsonNode fixture : StreamedDeltaTest.read(Fixtures.dir().resolve(file))) {
                collectClientPayloads(fixture.path("input"), found);
            }
        }
        return found;
    }

    private static void collectClientPayloads(JsonNode node, List<JsonNode> found) {
        if (node.isObject() && node.path("payload").isArray() && !node.path("payload").isEmpty()) {
            ObjectNode delta = (ObjectNode) node.deepCopy();
            delta.put("class", "ClientPayload");
            found.add(delta);
            return;
        }
        node.values().forEach(child -> collectClientPayloads(child, found));
    }
}
