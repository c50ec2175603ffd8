package dev.fbchat.event;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import dev.fbchat.Fixtures;
import dev.fbchat.ParseError;
import dev.fbchat.Session;
import dev.fbchat.TestSessions;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.internal.parse.StreamingDeltaReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code NewMessage} deltas are read token by token ({@link StreamingDeltaReader}) rather than as a tree: these tests
 * prove that this gives exactly what reading the tree gives. Real {@code NewMessage} deltas of the fixtures, given real
 * attachments and mentions, are changed in 6,000 ways (fields reordered, repeated, dropped, retyped; ids, times, texts,
 * mentions and attachments of every kind; other deltas around them), and each payload is parsed both ways: the same
 * events, or the same error.
 */
class StreamedNewMessageTest {

    private static final Session SESSION = TestSessions.offline("31415926536");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final int PAYLOADS = 6_000;

    private final Random random = new Random(4242L);

    @Test
    void everydayNewMessagesAreReadWithoutATree() throws Exception {
        for (JsonNode delta : newMessages()) {
            byte[] payload = bytes(batch(delta));
            List<StreamingDeltaReader.ReadDelta> read = StreamingDeltaReader.deltas(SESSION,
                    tools.jackson.databind.json.JsonMapper.builder().build(), payload, 1000);
            assertThat(read).singleElement().satisfies(one -> {
                assertThat(one.tree()).isNull();
                assertThat(one.message()).isNotNull();
            });
            assertThat(EventParser.parse(SESSION, "/t_ms", payload)).isEqualTo(treeEvents(payload));
        }
    }

    @Test
    void otherDeltasAndUnusualShapesAreReadAsTrees() {
        ObjectNode delta = (ObjectNode) newMessages().get(0).deepCopy();
        ((ObjectNode) delta.get("messageMetadata")).put("actorFbId", 1234);
        ObjectNode other = NODES.objectNode().put("class", "NoOp");
        ObjectNode payload = NODES.objectNode();
        payload.putArray("deltas").add(delta).add(other);
        List<StreamingDeltaReader.ReadDelta> read = StreamingDeltaReader.deltas(SESSION,
                tools.jackson.databind.json.JsonMapper.builder().build(), bytes(payload), 1000);
        assertThat(read).hasSize(2).allSatisfy(one -> assertThat(one.message()).isNull());
        assertThat(read.get(0).tree()).isEqualTo(delta);
        assertThat(read.get(1).tree()).isEqualTo(other);
        assertThat(EventParser.parse(SESSION, "/t_ms", bytes(payload))).isEqualTo(treeEvents(bytes(payload)));
    }

    @Test
    void mutatedNewMessagesGiveWhatTheTreeGives() throws Exception {
        List<JsonNode> seeds = seeds();
        List<JsonNode> others = otherDeltas();
        List<String> differences = new ArrayList<>();
        int streamed = 0;
        for (int i = 0; i < PAYLOADS && differences.size() < 5; i++) {
            ObjectNode payload = NODES.objectNode();
            ArrayNode deltas = payload.putArray("deltas");
            for (int n = 1 + (this.random.nextInt(4) == 0 ? this.random.nextInt(4) : 0); n > 0; n--) {
                if (this.random.nextInt(5) == 0) {
                    deltas.add(others.get(this.random.nextInt(others.size())).deepCopy());
                    continue;
                }
                JsonNode delta = seeds.get(this.random.nextInt(seeds.size())).deepCopy();
                for (int m = this.random.nextInt(3); m > 0; m--) {
                    delta = mutate(delta);
                }
                deltas.add(delta);
            }
            if (this.random.nextInt(10) == 0) {
                payload.put("lastIssuedSeqId", 7);
            }
            byte[] bytes = textMutation(bytes(payload));
            if (StreamingDeltaReader.worthReading(bytes) && StreamingDeltaReader.deltas(SESSION,
                    tools.jackson.databind.json.JsonMapper.builder().build(), bytes, 1000) != null) {
                streamed++;
            }
            String streamedOutcome = outcome(() -> EventParser.parse(SESSION, "/t_ms", bytes));
            String treeOutcome = outcome(() -> treeEvents(bytes));
            if (!streamedOutcome.equals(treeOutcome)) {
                differences.add("payload " + new String(bytes, StandardCharsets.UTF_8) + "\n  streamed: "
                        + streamedOutcome + "\n  tree:     " + treeOutcome);
            }
            String streamedFrame = outcome(() -> EventParser.parseFrame(SESSION, "/t_ms", bytes));
            String treeFrame = outcome(() -> EventParser.parseFrame(SESSION, "/t_ms", asTreeOnly(bytes)));
            if (!streamedFrame.equals(treeFrame)) {
                differences.add("frame " + new String(bytes, StandardCharsets.UTF_8) + "\n  streamed: "
                        + streamedFrame + "\n  tree:     " + treeFrame);
            }
        }
        assertThat(differences).isEmpty();
        assertThat(streamed).as("most payloads take the token-by-token way").isGreaterThan(PAYLOADS / 3);
    }

    /** The events of the payload read as one tree: fbchat's way, which the token-by-token reading must match. */
    private static List<Event> treeEvents(byte[] payload) {
        JsonNode tree;
        try {
            tree = FacebookJson.MAPPER.readTree(payload);
        }
        catch (RuntimeException ex) {
            throw new ParseError("not JSON", null, ex);
        }
        return EventParser.parse(SESSION, "/t_ms", tree);
    }

    /** The same JSON with a leading space, which the token-by-token reader leaves to the tree. */
    private static byte[] asTreeOnly(byte[] payload) {
        byte[] spaced = new byte[payload.length + 1];
        spaced[0] = ' ';
        System.arraycopy(payload, 0, spaced, 1, payload.length);
        return spaced;
    }

    /** The events, or the error's kind and message with any position in the bytes left out. */
    private static String outcome(java.util.function.Supplier<Object> parse) {
        try {
            return String.valueOf(parse.get());
        }
        catch (ParseError ex) {
            String message = String.valueOf(ex.getMessage());
            return "ParseError: " + (message.contains("not JSON") ? "not JSON" : message);
        }
    }

    /** One random change of a delta's tree. */
    private JsonNode mutate(JsonNode delta) {
        ObjectNode object = (ObjectNode) delta;
        ObjectNode metadata = object.get("messageMetadata") instanceof ObjectNode m ? m : object;
        ObjectNode threadKey = metadata.get("threadKey") instanceof ObjectNode k ? k : metadata;
        ObjectNode target = switch (this.random.nextInt(3)) {
            case 0 -> object;
            case 1 -> metadata;
            default -> threadKey;
        };
        List<String> names = new ArrayList<>(target.propertyNames());
        String name = names.isEmpty() ? "body" : names.get(this.random.nextInt(names.size()));
        switch (this.random.nextInt(8)) {
            case 0 -> target.remove(name);
            case 1 -> target.set(name, value());
            case 2 -> {
                // the same fields in another order, "class" first now and then
                List<String> order = new ArrayList<>(target.propertyNames());
                java.util.Collections.shuffle(order, this.random);
                ObjectNode copy = target.deepCopy();
                target.removeAll();
                order.forEach(field -> target.set(field, copy.get(field)));
            }
            case 3 -> target.set(name + "Extra", NODES.objectNode().set("nested", NODES.arrayNode().add(value())));
            case 4 -> object.set("data", mentions());
            case 5 -> object.put("body", texts()[this.random.nextInt(texts().length)]);
            case 6 -> metadata.set("timestamp", times()[this.random.nextInt(times().length)]);
            default -> (this.random.nextBoolean() ? metadata : threadKey).put(
                    this.random.nextBoolean() ? "actorFbId" : this.random.nextBoolean() ? "threadFbId" : "otherUserFbId",
                    ids()[this.random.nextInt(ids().length)]);
        }
        return delta;
    }

    /** Changes of the bytes a tree cannot hold: a field given twice, a cut. */
    private byte[] textMutation(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        switch (this.random.nextInt(12)) {
            case 0 -> {
                String[] fields = {"\"body\":\"twice\",", "\"class\":\"NewMessage\",", "\"class\":\"NoOp\",",
                    "\"messageMetadata\":{},", "\"attachments\":[],", "\"data\":{\"prng\":\"[]\"},"};
                int at = text.indexOf('{', 1);
                if (at > 0) {
                    text = text.substring(0, at + 1) + fields[this.random.nextInt(fields.length)]
                            + text.substring(at + 1);
                }
            }
            case 1 -> text = text.replace("\"actorFbId\":", "\"actorFbId\":\"1\",\"actorFbId\":");
            case 2 -> text = text.substring(0, this.random.nextInt(text.length() + 1));
            case 3 -> text = text + (this.random.nextBoolean() ? " " : " {}");
            default -> {
                // unchanged
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode value() {
        return switch (this.random.nextInt(10)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(this.random.nextBoolean());
            case 2 -> NODES.numberNode(this.random.nextInt(3000) - 1000);
            case 3 -> NODES.numberNode(this.random.nextDouble() * 1e12);
            case 4 -> NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 5 -> NODES.stringNode("");
            case 6 -> NODES.stringNode("1234");
            case 7 -> NODES.arrayNode().add("source:messenger:web").add("hot_emoji_size:l");
            case 8 -> NODES.objectNode().put("threadFbId", "77");
            default -> NODES.stringNode("tag:forward");
        };
    }

    private JsonNode mentions() {
        return switch (this.random.nextInt(7)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.objectNode();
            case 2 -> NODES.objectNode().put("prng", "[{\"o\":0,\"l\":4,\"i\":\"1234\",\"t\":\"p\"}]");
            case 3 -> NODES.objectNode().put("prng", "not json");
            case 4 -> NODES.objectNode().put("prng", "");
            case 5 -> NODES.objectNode().put("prng", 5);
            default -> NODES.stringNode("data");
        };
    }

    private static String[] texts() {
        return new String[] {"", "héllo \"wörld\" \\ \n ✓ 😀", "a".repeat(3000), "\u0000"};
    }

    private static JsonNode[] times() {
        return new JsonNode[] {NODES.stringNode("0001600000000000"), NODES.numberNode(1600000000000L),
            NODES.stringNode("-1"), NODES.numberNode(-5), NODES.numberNode(1.6e12), NODES.stringNode("16e11"),
            NODES.stringNode("999999999999999999999"), NODES.stringNode("253402300800000"), NODES.stringNode(" 16 "),
            NODES.stringNode("1_600")};
    }

    private static String[] ids() {
        return new String[] {"-1", "", "12a", " 1234", "true", "0001", "98765432109876543210987654321"};
    }

    /** The real {@code NewMessage} deltas of the fixtures. */
    private static List<JsonNode> newMessages() {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode fixture : read(Fixtures.dir().resolve("events/events_delta.json"))) {
            collectNewMessages(fixture.path("input"), found);
        }
        for (JsonNode fixture : read(Fixtures.dir().resolve("models/models_message.json"))) {
            if (fixture.path("function").asString().endsWith("_from_pull")) {
                found.add(fixture.path("input").path("data"));
            }
        }
        assertThat(found).hasSizeGreaterThanOrEqualTo(3);
        return found;
    }

    /** The fixtures' NewMessage deltas, also with the fixtures' real attachments and mentions. */
    private static List<JsonNode> seeds() throws Exception {
        List<JsonNode> seeds = new ArrayList<>(newMessages());
        List<JsonNode> items = new ArrayList<>();
        try (Stream<Path> files = Files.list(Fixtures.dir().resolve("models"))) {
            for (Path file : files.sorted().toList()) {
                for (JsonNode fixture : read(file)) {
                    String function = fixture.path("function").asString();
                    JsonNode data = fixture.path("input").path("data");
                    String kind = function.endsWith("graphql_to_attachment") ? "blob_attachment"
                            : function.endsWith("Sticker._from_graphql") ? "sticker_attachment"
                            : function.endsWith("graphql_to_extensible_attachment") ? "extensible_attachment" : null;
                    if (kind != null && !data.isMissingNode()) {
                        ObjectNode item = NODES.objectNode();
                        item.putObject("mercury").set(kind, data);
                        item.put("fileSize", "2048");
                        items.add(item);
                    }
                }
            }
        }
        assertThat(items).hasSizeGreaterThan(5);
        for (JsonNode message : newMessages()) {
            for (JsonNode item : items) {
                ObjectNode withAttachment = (ObjectNode) message.deepCopy();
                withAttachment.putArray("attachments").add(item.deepCopy());
                seeds.add(withAttachment);
            }
            ObjectNode withMentions = (ObjectNode) message.deepCopy();
            withMentions.putObject("data").put("prng", "[{\"o\":0,\"l\":4,\"i\":\"1234\",\"t\":\"p\"}]");
            seeds.add(withMentions);
        }
        return seeds;
    }

    /** Every other delta of the event fixtures, to stand beside the messages in a payload. */
    private static List<JsonNode> otherDeltas() {
        List<JsonNode> others = new ArrayList<>();
        for (JsonNode fixture : read(Fixtures.dir().resolve("events/events_delta.json"))) {
            JsonNode data = fixture.path("input").path("data");
            if (data.isObject() && !"NewMessage".equals(data.path("class").asString())) {
                others.add(data);
            }
        }
        assertThat(others).isNotEmpty();
        return others;
    }

    private static void collectNewMessages(JsonNode node, List<JsonNode> found) {
        if (node.isObject() && "NewMessage".equals(node.path("class").asString())) {
            found.add(node);
            return;
        }
        if (node.isContainer()) {
            node.forEach(child -> collectNewMessages(child, found));
        }
    }

    private static JsonNode read(Path file) {
        return FacebookJson.MAPPER.readTree(file.toFile());
    }

    private static ObjectNode batch(JsonNode delta) {
        ObjectNode batch = NODES.objectNode();
        batch.putArray("deltas").add(delta);
        return batch;
    }

    private static byte[] bytes(JsonNode tree) {
        return FacebookJson.MAPPER.writeValueAsBytes(tree);
    }
}
