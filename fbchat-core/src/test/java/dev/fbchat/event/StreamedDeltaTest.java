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
 * Deltas are read token by token ({@link StreamingDeltaReader}) rather than as a tree: {@code NewMessage} straight into
 * its event, the other classes as sparse trees. These tests prove that this gives exactly what reading the whole tree
 * gives. Real deltas of the fixtures, of every class and admin-text type, and {@code NewMessage} deltas given real
 * attachments and mentions, are changed in 8,000 ways (fields reordered, repeated, dropped, retyped; ids, times, texts,
 * mentions, attachments and admin-text data of every kind; other deltas around them), and each payload is parsed both
 * ways: the same events, or the same error.
 */
class StreamedDeltaTest {

    static final Session SESSION = TestSessions.offline("31415926536");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final int PAYLOADS = 8_000;

    private final Random random = new Random(4242L);

    @Test
    void everydayNewMessagesAreReadWithoutATree() throws Exception {
        for (JsonNode delta : newMessages()) {
            byte[] payload = bytes(batch(delta));
            List<StreamingDeltaReader.ReadDelta> read = StreamingDeltaReader.deltas(SESSION,
                    tools.jackson.databind.json.JsonMapper.builder().build(), payload, 1000);
            assertThat(read).singleElement().satisfies(one -> {
                assertThat(one.tree()).isNull();
                assertThat(one.events()).singleElement().isInstanceOf(MessageEvent.class);
            });
            assertThat(EventParser.parse(SESSION, "/t_ms", payload)).isEqualTo(treeEvents(payload));
        }
    }

    @Test
    void otherDeltasAndUnusualShapesAreReadAsTrees() {
        ObjectNode delta = (ObjectNode) newMessages().get(0).deepCopy();
        ((ObjectNode) delta.get("messageMetadata")).put("actorFbId", 1234);
        ObjectNode other = NODES.objectNode().put("class", "SomeNewDelta");
        ObjectNode payload = NODES.objectNode();
        payload.putArray("deltas").add(delta).add(other);
        List<StreamingDeltaReader.ReadDelta> read = StreamingDeltaReader.deltas(SESSION,
                tools.jackson.databind.json.JsonMapper.builder().build(), bytes(payload), 1000);
        assertThat(read).hasSize(2).allSatisfy(one -> assertThat(one.parsed()).isFalse());
        assertThat(read.get(0).tree()).isEqualTo(delta);
        assertThat(read.get(1).tree()).isEqualTo(other);
        assertThat(EventParser.parse(SESSION, "/t_ms", bytes(payload))).isEqualTo(treeEvents(bytes(payload)));
    }

    @Test
    void everyOtherKnownDeltaIsParsedFromASparseTree() {
        int sparse = 0;
        for (JsonNode delta : otherDeltas()) {
            byte[] payload = bytes(batch(delta));
            List<StreamingDeltaReader.ReadDelta> read = StreamingDeltaReader.deltas(SESSION,
                    tools.jackson.databind.json.JsonMapper.builder().build(), payload, 1000);
            String expected = outcome(() -> treeEvents(payload));
            assertThat(outcome(() -> EventParser.parse(SESSION, "/t_ms", payload))).isEqualTo(expected);
            if (read != null && read.get(0).parsed()) {
                sparse++;
                assertThat(read.get(0).events()).noneMatch(UnknownEvent.class::isInstance);
            }
            else if (read != null && !expected.startsWith("ParseError")) {
                // read whole: a class the sparse trees leave out, or one that gives an UnknownEvent with all its data
                assertThat(read.get(0).tree()).isEqualTo(delta);
            }
        }
        assertThat(sparse).as("deltas parsed from sparse trees").isGreaterThan(otherDeltas().size() / 2);
    }

    @Test
    void eachFieldOfEachDeltaChangedAloneGivesWhatTheTreeGives() {
        JsonNode[] values = {NODES.stringNode("1234"), NODES.stringNode(""), NODES.nullNode(), NODES.numberNode(0),
            NODES.stringNode("GOING"), NODES.stringNode("[1,2]"), NODES.stringNode("Some place")};
        List<String> differences = new ArrayList<>();
        List<JsonNode> deltas = new ArrayList<>(otherDeltas());
        deltas.addAll(newMessages());
        for (JsonNode original : deltas) {
            for (String path : fieldPaths(original)) {
                for (JsonNode value : values) {
                    ObjectNode delta = (ObjectNode) original.deepCopy();
                    ObjectNode parent = delta;
                    String[] names = path.split("/");
                    for (int i = 0; i < names.length - 1; i++) {
                        parent = (ObjectNode) parent.get(names[i]);
                    }
                    parent.set(names[names.length - 1], value);
                    byte[] bytes = bytes(batch(delta));
                    String streamedOutcome = outcome(() -> EventParser.parse(SESSION, "/t_ms", bytes));
                    String treeOutcome = outcome(() -> treeEvents(bytes));
                    if (!streamedOutcome.equals(treeOutcome)) {
                        differences.add(path + " = " + value + " in " + original.path("class") + "\n  streamed: "
                                + streamedOutcome + "\n  tree:     " + treeOutcome);
                    }
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    /** The paths of the fields of a delta, of its {@code messageMetadata} and {@code untypedData}, and their keys. */
    private static List<String> fieldPaths(JsonNode delta) {
        List<String> paths = new ArrayList<>();
        for (String name : delta.propertyNames()) {
            paths.add(name);
            JsonNode value = delta.get(name);
            if (value.isObject() && List.of("messageMetadata", "untypedData", "threadKey").contains(name)) {
                for (String inner : value.propertyNames()) {
                    paths.add(name + "/" + inner);
                    if (value.get(inner).isObject()) {
                        value.get(inner).propertyNames().forEach(key -> paths.add(name + "/" + inner + "/" + key));
                    }
                }
            }
        }
        return paths;
    }

    @Test
    void anUnknownAdminTextKeepsTheWholeDelta() {
        ObjectNode delta = (ObjectNode) otherDeltas().stream()
            .filter(d -> "AdminTextMessage".equals(d.path("class").asString()))
            .findFirst().orElseThrow().deepCopy();
        delta.put("type", "some_new_admin_text");
        List<Event> events = EventParser.parse(SESSION, "/t_ms", bytes(batch(delta)));
        assertThat(events).singleElement().isInstanceOfSatisfying(UnknownEvent.class,
                unknown -> assertThat(unknown.data()).isEqualTo(delta));
    }

    @Test
    void mutatedDeltasGiveWhatTheTreeGives() throws Exception {
        List<JsonNode> seeds = seeds();
        seeds.addAll(otherDeltas());
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
            differences.addAll(differencesFromTree(bytes));
        }
        assertThat(differences).isEmpty();
        assertThat(streamed).as("most payloads take the token-by-token way").isGreaterThan(PAYLOADS / 3);
    }

    /**
     * How reading the payload token by token differs from reading it as one tree: in the events or error of
     * {@link EventParser#parse(Session, String, byte[])}, and in the frame of {@link EventParser#parseFrame}; none when
     * both ways agree.
     */
    static List<String> differencesFromTree(byte[] bytes) {
        List<String> differences = new ArrayList<>();
        String streamedOutcome = outcome(() -> EventParser.parse(SESSION, "/t_ms", bytes));
        String treeOutcome = outcome(() -> treeEvents(bytes));
        if (!streamedOutcome.equals(treeOutcome)) {
            differences.add("payload " + new String(bytes, StandardCharsets.UTF_8) + "\n  streamed: " + streamedOutcome
                    + "\n  tree:     " + treeOutcome);
        }
        String streamedFrame = outcome(() -> EventParser.parseFrame(SESSION, "/t_ms", bytes));
        String treeFrame = outcome(() -> EventParser.parseFrame(SESSION, "/t_ms", asTreeOnly(bytes)));
        if (!streamedFrame.equals(treeFrame)) {
            differences.add("frame " + new String(bytes, StandardCharsets.UTF_8) + "\n  streamed: " + streamedFrame
                    + "\n  tree:     " + treeFrame);
        }
        return differences;
    }

    /** The events of the payload read as one tree: fbchat's way, which the token-by-token reading must match. */
    static List<Event> treeEvents(byte[] payload) {
        JsonNode tree;
        try {
            tree = FacebookJson.MAPPER.readTree(payload);
        }
        catch (RuntimeException ex) {
            throw new ParseError("not JSON", null, ex);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ParseError("MQTT payload on /t_ms is empty", null);
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
    static String outcome(java.util.function.Supplier<Object> parse) {
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
        ObjectNode threadKey = metadata.get("threadKey") instanceof ObjectNode k ? k
                : object.get("threadKey") instanceof ObjectNode k ? k : metadata;
        ObjectNode untyped = object.get("untypedData") instanceof ObjectNode u ? u : object;
        ObjectNode target = switch (this.random.nextInt(4)) {
            case 0 -> object;
            case 1 -> metadata;
            case 2 -> untyped;
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
                    "\"messageMetadata\":{},", "\"attachments\":[],", "\"data\":{\"prng\":\"[]\"},",
                    "\"class\":\"ThreadFolder\",", "\"type\":\"group_poll\",", "\"untypedData\":{},",
                    "\"threadKey\":{\"threadFbId\":\"5\"},", "\"folder\":\"FOLDER_INBOX\","};
                int at = text.indexOf('{', 1);
                if (at > 0) {
                    text = text.substring(0, at + 1) + fields[this.random.nextInt(fields.length)]
                            + text.substring(at + 1);
                }
            }
            case 1 -> text = text.replace("\"actorFbId\":", "\"actorFbId\":\"1\",\"actorFbId\":");
            case 4 -> text = text.replace("\"type\":", "\"type\":\"change_thread_icon\",\"type\":");
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

    /**
     * Every other delta of the event fixtures, and one of each class the fixtures lack ({@code MarkRead},
     * {@code MarkFolderSeen}, {@code ParticipantLeftGroupThread}) in the shape fbchat reads.
     */
    private static List<JsonNode> otherDeltas() {
        List<JsonNode> others = new ArrayList<>();
        JsonNode metadata = null;
        for (JsonNode fixture : read(Fixtures.dir().resolve("events/events_delta.json"))) {
            JsonNode data = fixture.path("input").path("data");
            if (data.isObject() && !"NewMessage".equals(data.path("class").asString())) {
                others.add(data);
                metadata = data.has("messageMetadata") ? data.get("messageMetadata") : metadata;
            }
        }
        assertThat(others).hasSizeGreaterThan(10);
        ObjectNode markRead = NODES.objectNode().put("actionTimestamp", "1500000000000").put("class", "MarkRead");
        markRead.putArray("threadKeys").add(NODES.objectNode().put("threadFbId", "4321"))
            .add(NODES.objectNode().put("otherUserFbId", "1234"));
        others.add(markRead);
        ObjectNode folderSeen = NODES.objectNode().put("timestamp", "1500000000000").put("class", "MarkFolderSeen");
        folderSeen.putArray("folders").add("FOLDER_INBOX").add("FOLDER_OTHER");
        others.add(folderSeen);
        ObjectNode left = NODES.objectNode();
        left.set("messageMetadata", metadata);
        left.put("leftParticipantFbId", "2345").put("class", "ParticipantLeftGroupThread");
        others.add(left);
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

    static JsonNode read(Path file) {
        return FacebookJson.MAPPER.readTree(file.toFile());
    }

    static ObjectNode batch(JsonNode delta) {
        ObjectNode batch = NODES.objectNode();
        batch.putArray("deltas").add(delta);
        return batch;
    }

    static byte[] bytes(JsonNode tree) {
        return FacebookJson.MAPPER.writeValueAsBytes(tree);
    }
}
