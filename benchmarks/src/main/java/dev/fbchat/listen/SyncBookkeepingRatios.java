package dev.fbchat.listen;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.fbchat.Session;
import dev.fbchat.benchmarks.FixturePayloads;
import dev.fbchat.benchmarks.InterleavedRatios;
import dev.fbchat.event.EventParser;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the listener spends on one {@code /t_ms} payload, beside a bare Jackson {@code readTree} of it: the bookkeeping
 * read on Paho's thread ({@link SyncState#onSyncMessage}: sequence ids, replays dropped) and the event parser's
 * {@code parseFrame} on the consumer's. The payloads are those of {@link FixturePayloads}, each delta given its own
 * {@code irisSeqId} as Messenger numbers them, so that nothing is dropped as a replay; the state is long-lived, as the
 * listener's is. Slices of the three alternate in one JVM (31 measured rounds after 3 s of warm-up) and the median
 * per-round ratio is printed, as {@code InterleavedRatios} does. In the package of {@link SyncState}, which is not API.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.fbchat.listen.SyncBookkeepingRatios [payload ...]</pre>
 */
public final class SyncBookkeepingRatios {

    private static final int ROUNDS = 31;

    /** Keeps results alive so that the JIT cannot drop the work. */
    private static long sink;

    private SyncBookkeepingRatios() {
    }

    public static void main(String[] args) {
        JsonMapper mapper = JsonMapper.builder().build();
        Session session = Session.offline(FixturePayloads.USER_ID);
        List<String> names = args.length > 0 ? Arrays.asList(args)
                : List.of("NewMessage", "NewMessage_x50", "admin:group_poll", "AdminTextMessage_all");
        System.out.printf(Locale.ROOT, "%-24s %14s %18s %18s%n", "payload", "readTree ns", "bookkeeping/tree",
                "parseFrame/tree");
        for (String name : names) {
            ObjectNode message = (ObjectNode) mapper.readTree(FixturePayloads.get(name).bytes());
            int count = message.get("deltas").size();
            // the batches of one queue, each numbered after the one before, taken in turn
            byte[][] batches = new byte[64][];
            for (int batch = 0; batch < batches.length; batch++) {
                long first = 1_000_000L + (long) batch * count;
                for (int i = 0; i < count; i++) {
                    ((ObjectNode) message.get("deltas").get(i)).put("irisSeqId", Long.toString(first + i));
                }
                message.put("firstDeltaSeqId", first).put("lastIssuedSeqId", first + count - 1);
                batches[batch] = mapper.writeValueAsBytes(message);
            }
            SyncState state = new SyncState(FixturePayloads.USER_ID, 999_999L);
            int[] next = {0};
            Runnable tree = () -> sink += mapper.readTree(batches[next[0]++ & 63]).size();
            Runnable bookkeeping = () -> {
                byte[] batch = batches[next[0]++ & 63];
                SyncState.Result result = state.onSyncMessage(batch);
                if (result.payload() != batch) {
                    // a batch seen before (the state came round the 64 again): start over, as a fresh queue would
                    state.restartAt(999_999L);
                }
                sink += result.kind().ordinal();
            };
            Runnable parse = () -> sink += EventParser.parseFrame(session, "/t_ms", batches[next[0]++ & 63])
                .events().size();
            int slice = Math.max(1, 2_000_000 / batches[0].length);
            long warmupEnd = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < warmupEnd) {
                InterleavedRatios.run(tree, 100);
                InterleavedRatios.run(bookkeeping, 100);
                InterleavedRatios.run(parse, 100);
            }
            double[] treeNanos = new double[ROUNDS];
            double[] bookkeepingRatios = new double[ROUNDS];
            double[] parseRatios = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long treeTime = InterleavedRatios.run(tree, slice);
                bookkeepingRatios[round] = (double) InterleavedRatios.run(bookkeeping, slice) / treeTime;
                parseRatios[round] = (double) InterleavedRatios.run(parse, slice) / treeTime;
                treeNanos[round] = (double) treeTime / slice;
            }
            Arrays.sort(treeNanos);
            Arrays.sort(bookkeepingRatios);
            Arrays.sort(parseRatios);
            System.out.printf(Locale.ROOT, "%-24s %14.0f %18.2f %18.2f%n", name, treeNanos[ROUNDS / 2],
                    bookkeepingRatios[ROUNDS / 2], parseRatios[ROUNDS / 2]);
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
