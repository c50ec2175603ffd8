package dev.fbchat.event;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import dev.fbchat.Fixtures;
import dev.fbchat.ParseError;
import dev.fbchat.Session;
import dev.fbchat.TestSessions;
import dev.fbchat.internal.FacebookJson;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 20,000 payloads mutated from the real ones of {@code fixtures/events} (fields dropped or retyped, values swapped,
 * bytes cut or garbled, deltas multiplied): each gives events (typed or {@link UnknownEvent}) or a {@link ParseError},
 * never any other exception (also not behind a skipped delta: a parser bug such as a null dereference would show
 * there), and none takes more than 50 ms of the parsing thread's CPU time (a payload over it is timed three times
 * more and judged by its fastest run, so a one-off pause of the JVM is not taken for a slow payload). The seed is
 * fixed, so a failure can be replayed.
 */
class EventParserFuzzTest {

    private static final Session SESSION = TestSessions.offline("31415926536");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final int PAYLOADS = 20_000;

    private static final long CPU_LIMIT_NANOS = 50_000_000L;

    private static final List<String> DELTA_CLASSES = List.of("NewMessage", "AdminTextMessage", "ClientPayload",
            "ThreadName", "ForcedFetch", "DeliveryReceipt", "ReadReceipt", "MarkRead", "ThreadFolder", "NoOp",
            "MarkFolderSeen", "ParticipantsAddedToGroupThread", "ParticipantLeftGroupThread", "Mystery");

    private final Random random = new Random(20261125L);

    @Test
    void mutatedPayloadsGiveEventsOrParseErrorsQuickly() throws Exception {
        List<Seed> seeds = seeds();
        assertThat(seeds).hasSizeGreaterThan(30);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 500; i++) {
            parse(seeds.get(i % seeds.size()).topic(), bytes(seeds.get(i % seeds.size()).data()));
        }
        List<String> failures = new ArrayList<>();
        int events = 0;
        int parseErrors = 0;
        long slowest = 0;
        for (int i = 0; i < PAYLOADS && failures.size() < 10; i++) {
            Seed seed = seeds.get(this.random.nextInt(seeds.size()));
            JsonNode tree = seed.data().deepCopy();
            int mutations = 1 + this.random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                tree = mutate(tree);
            }
            byte[] payload = this.random.nextInt(10) == 0 ? garble(bytes(tree)) : bytes(tree);
            long start = cpu.getCurrentThreadCpuTime();
            try {
                EventParser.ParsedFrame frame = parse(seed.topic(), payload);
                events += frame.events().size();
                for (ParseError skipped : frame.skipped()) {
                    // What the parsers raise on purpose is a ParseError (or JSON's own error inside one); anything
                    // else under a skipped delta is a parser bug that the frame only contained.
                    Throwable cause = skipped.getCause();
                    if (cause != null && !(cause instanceof ParseError || cause instanceof JacksonException)) {
                        failures.add("payload " + i + ": a delta failed with " + cause);
                    }
                }
            }
            catch (ParseError ex) {
                parseErrors++;
            }
            catch (RuntimeException ex) {
                failures.add("payload " + i + " on " + seed.topic() + ": " + ex);
            }
            long spent = cpu.getCurrentThreadCpuTime() - start;
            if (spent > CPU_LIMIT_NANOS) {
                // A slow payload stays slow; a one-off pause (compilation, a collection) does not: measure again.
                spent = fastestOf(3, seed.topic(), payload, cpu);
            }
            slowest = Math.max(slowest, spent);
            if (spent > CPU_LIMIT_NANOS) {
                failures.add("payload " + i + " on " + seed.topic() + " took " + spent / 1_000_000 + " ms");
            }
        }
        assertThat(failures).isEmpty();
        assertThat(events).as("the mutations still leave many readable events").isGreaterThan(PAYLOADS / 4);
        assertThat(parseErrors).as("and many malformed payloads").isGreaterThan(PAYLOADS / 100);
        assertThat(slowest).isLessThanOrEqualTo(CPU_LIMIT_NANOS);
    }

    private static long fastestOf(int runs, String topic, byte[] payload, ThreadMXBean cpu) {
        long fastest = Long.MAX_VALUE;
        for (int run = 0; run < runs; run++) {
            long start = cpu.getCurrentThreadCpuTime();
            try {
                parse(topic, payload);
            }
            catch (ParseError ex) {
                // Timed all the same.
            }
            fastest = Math.min(fastest, cpu.getCurrentThreadCpuTime() - start);
        }
        return fastest;
    }

    private static EventParser.ParsedFrame parse(String topic, byte[] payload) {
        return EventParser.parseFrame(SESSION, topic, payload);
    }

    /** A topic and a payload to mutate. */
    private record Seed(String topic, JsonNode data) {
    }

    /** Every real payload of the event fixtures, as the topic it arrives on carries it. */
    private static List<Seed> seeds() throws Exception {
        List<Seed> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(Fixtures.dir().resolve("events"))) {
            for (Path file : files.sorted().toList()) {
                for (JsonNode fixture : FacebookJson.MAPPER.readTree(file.toFile())) {
                    String function = fixture.path("function").asString();
                    JsonNode input = fixture.path("input");
                    if (function.endsWith("parse_events")) {
                        seeds.add(new Seed(input.path("topic").asString(), input.path("data")));
                    }
                    else if (function.endsWith("parse_delta") || function.endsWith("parse_admin_message")
                            || function.endsWith("parse_client_payloads")) {
                        seeds.add(new Seed("/t_ms", batch(input.path("data"))));
                    }
                    else if (function.endsWith("parse_client_delta")) {
                        seeds.add(new Seed("/t_ms", batch(clientPayload(input.path("data")))));
                    }
                }
            }
        }
        return seeds;
    }

    private static ObjectNode batch(JsonNode delta) {
        ObjectNode batch = NODES.objectNode();
        batch.putArray("deltas").add(delta);
        batch.put("firstDeltaSeqId", 1);
        batch.put("lastIssuedSeqId", 1);
        return batch;
    }

    private static ObjectNode clientPayload(JsonNode inner) {
        ObjectNode payload = NODES.objectNode();
        payload.putArray("deltas").add(inner);
        ObjectNode delta = NODES.objectNode();
        ArrayNode codes = delta.putArray("payload");
        FacebookJson.MAPPER.writeValueAsString(payload).chars().forEach(codes::add);
        delta.put("class", "ClientPayload");
        return delta;
    }

    /** One random change somewhere in the tree. */
    private JsonNode mutate(JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(this.random.nextInt(containers.size()));
        if (target instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>(object.propertyNames());
            String name = names.get(this.random.nextInt(names.size()));
            switch (this.random.nextInt(6)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, randomValue());
                case 2 -> object.set(name, object.get(name).isNumber() ? NODES.stringNode(object.get(name).asString())
                        : NODES.numberNode(this.random.nextInt(2000) - 1000));
                case 3 -> object.put("class", DELTA_CLASSES.get(this.random.nextInt(DELTA_CLASSES.size())));
                case 4 -> object.set(name, NODES.nullNode());
                default -> object.set(name + "_", object.get(name).deepCopy());
            }
        }
        else if (target instanceof ArrayNode array && !array.isEmpty()) {
            int index = this.random.nextInt(array.size());
            switch (this.random.nextInt(4)) {
                case 0 -> array.remove(index);
                case 1 -> array.set(index, randomValue());
                case 2 -> {
                    for (int copies = this.random.nextInt(50); copies > 0; copies--) {
                        array.add(array.get(index).deepCopy());
                    }
                }
                default -> array.insert(index, NODES.nullNode());
            }
        }
        return root;
    }

    private JsonNode randomValue() {
        return switch (this.random.nextInt(9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(this.random.nextBoolean());
            case 2 -> NODES.numberNode(this.random.nextLong());
            case 3 -> NODES.numberNode(this.random.nextDouble() * 1e12);
            case 4 -> NODES.stringNode("");
            case 5 -> NODES.stringNode("-1");
            case 6 -> NODES.stringNode("x".repeat(this.random.nextInt(10_000)));
            case 7 -> NODES.arrayNode().add(1).add("a");
            default -> NODES.objectNode().put("threadFbId", "true");
        };
    }

    private void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainer()) {
            containers.add(node);
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                collect(child.getValue(), containers);
            }
            if (node.isArray()) {
                node.forEach(child -> collect(child, containers));
            }
        }
    }

    /** Cut, flipped or injected bytes: what a broken frame looks like. */
    private byte[] garble(byte[] bytes) {
        byte[] copy = bytes.clone();
        switch (this.random.nextInt(3)) {
            case 0 -> {
                return java.util.Arrays.copyOf(copy, this.random.nextInt(copy.length + 1));
            }
            case 1 -> {
                for (int flips = 1 + this.random.nextInt(5); flips > 0 && copy.length > 0; flips--) {
                    copy[this.random.nextInt(copy.length)] = (byte) this.random.nextInt(256);
                }
                return copy;
            }
            default -> {
                String text = new String(copy, StandardCharsets.UTF_8);
                int at = this.random.nextInt(text.length() + 1);
                return (text.substring(0, at) + "[".repeat(this.random.nextInt(100)) + text.substring(at))
                    .getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static byte[] bytes(JsonNode tree) {
        return FacebookJson.MAPPER.writeValueAsBytes(tree);
    }
}
