package dev.fbchat.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.fbchat.Session;
import dev.fbchat.event.EventParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * A second measurement of {@link EventParserBenchmark}'s question, made for shared machines: in one JVM, per payload,
 * slices of bare {@code readTree} and of {@code EventParser.parse} alternate (31 measured pairs after 3 s of warm-up),
 * and the median of the per-pair time ratios is printed. Whatever else the machine does slows both halves of a pair
 * alike, so the ratio holds where JMH's separate runs drift by tens of percent. All payloads share the JVM, so the
 * parser runs with the varied call profile of a real listener rather than one payload's.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.fbchat.benchmarks.InterleavedRatios [payload ...]</pre>
 */
public final class InterleavedRatios {

    static final int PAIRS = 31;

    static final long WARMUP_NANOS = 3_000_000_000L;

    /** Keeps results alive so that the JIT cannot drop the work. */
    private static long sink;

    private InterleavedRatios() {
    }

    public static void main(String[] args) {
        JsonMapper mapper = JsonMapper.builder().build();
        Session session = Session.offline(FixturePayloads.USER_ID);
        List<String> names = args.length > 0 ? Arrays.asList(args) : new ArrayList<>(FixturePayloads.all().keySet());
        System.out.printf(Locale.ROOT, "%-38s %14s %18s %12s%n", "payload", "readTree ns", "parse/readTree", "quartiles");
        for (String name : names) {
            byte[] bytes = FixturePayloads.get(name).bytes();
            Runnable readTree = () -> sink += mapper.readTree(bytes).size();
            Runnable parse = () -> sink += EventParser.parse(session, "/t_ms", bytes).size();
            // about 2 ms of work per slice
            int slice = Math.max(1, 2_000_000 / bytes.length);
            long warmupEnd = System.nanoTime() + WARMUP_NANOS;
            while (System.nanoTime() < warmupEnd) {
                run(readTree, 100);
                run(parse, 100);
            }
            double[] ratios = new double[PAIRS];
            double[] readTreeNanos = new double[PAIRS];
            for (int pair = 0; pair < PAIRS; pair++) {
                long tree = run(readTree, slice);
                long parsed = run(parse, slice);
                ratios[pair] = (double) parsed / tree;
                readTreeNanos[pair] = (double) tree / slice;
            }
            Arrays.sort(ratios);
            Arrays.sort(readTreeNanos);
            System.out.printf(Locale.ROOT, "%-38s %14.0f %18.2f %5.2f-%.2f%n", name, readTreeNanos[PAIRS / 2],
                    ratios[PAIRS / 2], ratios[PAIRS / 4], ratios[3 * PAIRS / 4]);
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    /** The nanoseconds {@code times} runs of {@code work} take. */
    public static long run(Runnable work, int times) {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            work.run();
        }
        return System.nanoTime() - start;
    }
}
