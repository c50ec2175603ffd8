package dev.fbchat.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import dev.fbchat.Session;
import dev.fbchat.event.EventParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * For the payloads whose delta carries a second JSON document as text (a poll's {@code question_json}, a plan's
 * {@code guest_state_list}), the parse rate beside two baselines measured in the same JVM, slices alternating as in
 * {@link InterleavedRatios}: a bare {@code readTree} of the payload, which never reads the inner document, and that
 * {@code readTree} plus a {@code readTree} of the inner document's text, the least a client reading trees must do to
 * get the same facts.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.fbchat.benchmarks.EmbeddedDocumentRatios</pre>
 */
public final class EmbeddedDocumentRatios {

    /** The payloads with an inner document, and the {@code untypedData} field holding it. */
    private static final Map<String, String> INNER = Map.of("admin:group_poll", "question_json",
            "admin:lightweight_event_update", "guest_state_list", "admin:lightweight_event_delete", "guest_state_list");

    /** Keeps results alive so that the JIT cannot drop the work. */
    private static long sink;

    private EmbeddedDocumentRatios() {
    }

    public static void main(String[] args) {
        JsonMapper mapper = JsonMapper.builder().build();
        Session session = Session.offline(FixturePayloads.USER_ID);
        System.out.printf(Locale.ROOT, "%-34s %18s %30s%n", "payload", "parse/readTree",
                "parse/(readTree + inner readTree)");
        for (String name : INNER.keySet().stream().sorted().toList()) {
            byte[] bytes = FixturePayloads.get(name).bytes();
            String field = INNER.get(name);
            Runnable readTree = () -> sink += mapper.readTree(bytes).size();
            Runnable readBoth = () -> {
                JsonNode delta = mapper.readTree(bytes).get("deltas").get(0);
                sink += mapper.readTree(delta.get("untypedData").get(field).stringValue()).size();
            };
            Runnable parse = () -> sink += EventParser.parse(session, "/t_ms", bytes).size();
            int slice = Math.max(1, 2_000_000 / bytes.length);
            long warmupEnd = System.nanoTime() + InterleavedRatios.WARMUP_NANOS;
            while (System.nanoTime() < warmupEnd) {
                InterleavedRatios.run(readTree, 100);
                InterleavedRatios.run(readBoth, 100);
                InterleavedRatios.run(parse, 100);
            }
            int pairs = InterleavedRatios.PAIRS;
            double[] overTree = new double[pairs];
            double[] overBoth = new double[pairs];
            for (int pair = 0; pair < pairs; pair++) {
                long tree = InterleavedRatios.run(readTree, slice);
                long both = InterleavedRatios.run(readBoth, slice);
                long parsed = InterleavedRatios.run(parse, slice);
                overTree[pair] = (double) parsed / tree;
                overBoth[pair] = (double) parsed / both;
            }
            Arrays.sort(overTree);
            Arrays.sort(overBoth);
            System.out.printf(Locale.ROOT, "%-34s %18.2f %30.2f%n", name, overTree[pairs / 2], overBoth[pairs / 2]);
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
