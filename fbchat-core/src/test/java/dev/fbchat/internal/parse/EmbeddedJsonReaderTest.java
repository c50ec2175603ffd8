package dev.fbchat.internal.parse;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import dev.fbchat.Fixtures;
import dev.fbchat.ParseError;
import dev.fbchat.Session;
import dev.fbchat.TestSessions;
import dev.fbchat.internal.FacebookJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JSON texts inside admin-text deltas (a poll's question and option ids, a plan's guests) are read token by token
 * when they have the everyday shape ({@link EmbeddedJsonReader}). These tests prove that whatever that reading gives is
 * exactly what reading the text as a tree gives: the fixtures' real texts, and thousands of changed copies of them
 * (fields dropped, repeated, retyped; ids as numbers, with leading zeros, too large; titles, voters as edges, trailing
 * content, cuts).
 */
class EmbeddedJsonReaderTest {

    private static final Session SESSION = TestSessions.offline("31415926536");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final int COPIES = 1_500;

    private final Random random = new Random(2024L);

    @Test
    void realQuestionsAreReadWithoutATreeAndMutatedOnesMatchTheTree() {
        List<String> questions = untypedTexts("question_json");
        assertThat(questions).isNotEmpty().allSatisfy(text -> assertThat(EmbeddedJsonReader.poll(SESSION, text))
                .isEqualTo(PollParser.poll(SESSION, Py.jsonText(StringNode.valueOf(text)))));
        assertMatchesTree(questions, text -> EmbeddedJsonReader.poll(SESSION, text),
                text -> PollParser.poll(SESSION, Py.jsonText(StringNode.valueOf(text))));
    }

    @Test
    void realOptionIdsAreReadWithoutATreeAndMutatedOnesMatchTheTree() {
        List<String> ids = untypedTexts("added_option_ids");
        ids.addAll(untypedTexts("removed_option_ids"));
        ids.add("[\"1001\",1002,9007199254740993]");
        assertThat(ids).isNotEmpty().allSatisfy(text -> assertThat(EmbeddedJsonReader.ids(text))
                .isEqualTo(AdminTextParser.idsFromTree(StringNode.valueOf(text))));
        assertMatchesTree(ids, EmbeddedJsonReader::ids, text -> AdminTextParser.idsFromTree(StringNode.valueOf(text)));
    }

    @Test
    void realGuestListsAreReadWithoutATreeAndMutatedOnesMatchTheTree() {
        List<String> guests = untypedTexts("guest_state_list");
        assertThat(guests).isNotEmpty().allSatisfy(text -> assertThat(EmbeddedJsonReader.guests(text))
                .isEqualTo(PlanParser.guestsFromTree(StringNode.valueOf(text))));
        assertMatchesTree(guests, EmbeddedJsonReader::guests,
                text -> PlanParser.guestsFromTree(StringNode.valueOf(text)));
    }

    @Test
    void aLoneSurrogateIsKeptAsTheTreeKeepsItAndAByteOrderMarkIsLeftToTheTreeWhichRefusesIt() {
        String lone = "{\"id\":\"1\",\"text\":\"Q\uD83D\",\"total_count\":0,\"options\":[]}";
        assertThat(EmbeddedJsonReader.poll(SESSION, lone)).isNotNull()
            .isEqualTo(PollParser.poll(SESSION, Py.jsonText(StringNode.valueOf(lone))));
        assertThat(EmbeddedJsonReader.poll(SESSION, lone).question()).isEqualTo("Q\uD83D");
        assertThat(EmbeddedJsonReader.ids("[\"\uDC00\"]")).containsExactly("\uDC00")
            .isEqualTo(AdminTextParser.idsFromTree(StringNode.valueOf("[\"\uDC00\"]")));
        String guests = "[{\"guest_list_state\":\"GOING\",\"node\":{\"id\":\"\uD800\"}}]";
        assertThat(EmbeddedJsonReader.guests(guests)).isEqualTo(PlanParser.guestsFromTree(StringNode.valueOf(guests)));
        String pair = "{\"id\":\"1\",\"text\":\"Q\uD83D\uDE00\",\"total_count\":0,\"options\":[]}";
        assertThat(EmbeddedJsonReader.poll(SESSION, pair)).isNotNull()
            .isEqualTo(PollParser.poll(SESSION, Py.jsonText(StringNode.valueOf(pair))));
        assertThat(EmbeddedJsonReader.ids("\uFEFF[1]")).isNull();
        assertThat(EmbeddedJsonReader.poll(SESSION, "\uFEFF{\"id\":\"1\",\"text\":\"q\",\"total_count\":0,"
                + "\"options\":[]}")).isNull();
        assertThatThrownBy(() -> AdminTextParser.idsFromTree(StringNode.valueOf("\uFEFF[1]")))
            .isInstanceOf(ParseError.class);
    }

    @Test
    void whatIsNotTheEverydayShapeIsLeftToTheTree() {
        assertThat(EmbeddedJsonReader.ids("[1.5]")).isNull();
        assertThat(EmbeddedJsonReader.ids("[1] [2]")).isNull();
        assertThat(EmbeddedJsonReader.ids("[123456789012345678901234567890]")).isNull();
        assertThat(EmbeddedJsonReader.guests("[{\"guest_list_state\":\"MAYBE\",\"node\":{\"id\":\"1\"}}]")).isNull();
        assertThat(EmbeddedJsonReader.guests("[{\"node\":{\"id\":\"1\"}}]")).isNull();
        assertThat(EmbeddedJsonReader.poll(SESSION, "{\"id\":\"1\",\"title\":\"T\",\"text\":\"t\",\"total_count\":0,"
                + "\"options\":[]}")).isNull();
        assertThat(EmbeddedJsonReader.poll(SESSION, "{\"id\":\"1\",\"text\":\"t\",\"total_count\":0,\"options\":"
                + "[{\"id\":\"2\",\"text\":\"o\",\"total_count\":1,\"voters\":{\"count\":1,\"edges\":[]}}]}")).isNull();
        assertThat(EmbeddedJsonReader.poll(SESSION, "{\"id\":\"1\",\"text\":\"t\",\"options\":[]}")).isNull();
    }

    /**
     * For each text and for {@value #COPIES} changed copies of the texts: when the token reader gives a result, the
     * tree gives the same; the token reader reads a good share of them.
     */
    private <T> void assertMatchesTree(List<String> seeds, Function<String, T> streamed, Function<String, T> tree) {
        List<String> differences = new ArrayList<>();
        int read = 0;
        for (int i = 0; i < COPIES && differences.size() < 5; i++) {
            String text = mutate(seeds.get(this.random.nextInt(seeds.size())));
            T fast = streamed.apply(text);
            if (fast == null) {
                continue;
            }
            read++;
            Object expected;
            try {
                expected = tree.apply(text);
            }
            catch (RuntimeException ex) {
                expected = ex.toString();
            }
            if (!fast.equals(expected)) {
                differences.add(text + "\n  streamed: " + fast + "\n  tree:     " + expected);
            }
        }
        assertThat(differences).isEmpty();
        assertThat(read).as("copies read token by token").isGreaterThan(COPIES / 10);
    }

    private String mutate(String text) {
        JsonNode tree = FacebookJson.MAPPER.readTree(text);
        for (int n = this.random.nextInt(3); n > 0; n--) {
            mutateTree(tree);
        }
        String written = FacebookJson.MAPPER.writeValueAsString(tree);
        return switch (this.random.nextInt(10)) {
            case 0 -> written.substring(0, this.random.nextInt(written.length() + 1));
            case 1 -> written + (this.random.nextBoolean() ? " " : " []");
            case 2 -> written.replaceFirst("\"id\":", "\"id\":\"7\",\"id\":");
            case 3 -> written.replaceFirst("\"text\":", "\"text\":null,\"text\":");
            case 4 -> written.replaceFirst("\"guest_list_state\":", "\"guest_list_state\":\"DECLINED\",\"guest_list_state\":");
            case 5 -> written.replaceFirst("\"node\":", "\"node\":{\"id\":\"9\"},\"node\":");
            default -> written;
        };
    }

    /** One random change somewhere in the tree. */
    private void mutateTree(JsonNode tree) {
        List<JsonNode> containers = new ArrayList<>();
        collect(tree, containers);
        JsonNode target = containers.get(this.random.nextInt(containers.size()));
        if (target instanceof ArrayNode array) {
            switch (this.random.nextInt(4)) {
                case 0 -> {
                    if (!array.isEmpty()) {
                        array.remove(this.random.nextInt(array.size()));
                    }
                }
                case 1 -> array.add(value());
                case 2 -> {
                    if (!array.isEmpty()) {
                        array.set(this.random.nextInt(array.size()), value());
                    }
                }
                default -> {
                    List<JsonNode> items = new ArrayList<>();
                    array.forEach(items::add);
                    Collections.shuffle(items, this.random);
                    array.removeAll();
                    items.forEach(array::add);
                }
            }
            return;
        }
        ObjectNode object = (ObjectNode) target;
        List<String> names = new ArrayList<>(object.propertyNames());
        String name = names.isEmpty() ? "id" : names.get(this.random.nextInt(names.size()));
        switch (this.random.nextInt(5)) {
            case 0 -> object.remove(name);
            case 1 -> object.set(name, value());
            case 2 -> object.set(this.random.nextBoolean() ? "title" : "extra", value());
            case 3 -> object.set("voters", NODES.objectNode().put("count", 1).set("edges", NODES.arrayNode()));
            default -> object.set(name, NODES.stringNode(this.random.nextBoolean() ? "GOING" : "0012"));
        }
    }

    private JsonNode value() {
        return switch (this.random.nextInt(11)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(this.random.nextBoolean());
            case 2 -> NODES.numberNode(this.random.nextInt(3000) - 1000);
            case 3 -> NODES.numberNode(1.5);
            case 4 -> NODES.numberNode(new BigInteger("123456789012345678901234567890"));
            case 5 -> NODES.numberNode(9_000_000_000L);
            case 6 -> NODES.stringNode("");
            case 7 -> NODES.stringNode("1234");
            case 8 -> NODES.arrayNode().add("1234").add(5678);
            case 9 -> NODES.objectNode().put("id", "77");
            default -> NODES.stringNode("true");
        };
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainer()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    /** The texts of one {@code untypedData} field in the event fixtures. */
    private static List<String> untypedTexts(String field) {
        List<String> texts = new ArrayList<>();
        for (JsonNode fixture : FacebookJson.MAPPER.readTree(Fixtures.dir().resolve("events/events_delta.json")
            .toFile())) {
            JsonNode value = fixture.path("input").path("data").path("untypedData").path(field);
            if (value.isString()) {
                texts.add(value.stringValue());
            }
        }
        return texts;
    }
}
