package dev.fbchat.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints, per payload, the throughput of {@code readTree} and {@code parse} from an {@link EventParserBenchmark} JMH
 * JSON result ({@code -rf json -rff FILE}) and their ratio: how many times a bare {@code readTree} of the payload
 * {@code EventParser.parse} costs (readTree ops/s ÷ parse ops/s; below 1, parse is the faster). The ratio is given
 * twice: of the mean throughputs, and of each side's best measured iteration, which a machine shared with other work
 * disturbs less (such work only ever slows an iteration down).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.fbchat.benchmarks.Ratios /tmp/jmh.json</pre>
 */
public final class Ratios {

    private Ratios() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: Ratios JMH_RESULT.json");
            System.exit(2);
        }
        JsonNode results = JsonMapper.builder().build().readTree(Files.readAllBytes(Path.of(args[0])));
        // payload -> {readTree, readTree error, parse, parse error, best readTree, -, best parse}
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (JsonNode result : results) {
            JsonNode params = result.path("params");
            if (!result.get("benchmark").stringValue().endsWith(".EventParserBenchmark.read")) {
                continue;
            }
            int slot = switch (params.path("reader").asString("")) {
                case "readTree" -> 0;
                case "parse" -> 2;
                default -> -1;
            };
            if (slot < 0) {
                continue;
            }
            String payload = params.get("payload").stringValue();
            double[] row = scores.computeIfAbsent(payload,
                    p -> new double[] {Double.NaN, 0, Double.NaN, 0, Double.NaN, 0, Double.NaN});
            row[slot] = number(result.get("primaryMetric").get("score"));
            row[slot + 1] = number(result.get("primaryMetric").get("scoreError"));
            double best = Double.NaN;
            for (JsonNode fork : result.get("primaryMetric").get("rawData")) {
                for (JsonNode iteration : fork) {
                    best = Double.isNaN(best) ? number(iteration) : Math.max(best, number(iteration));
                }
            }
            row[slot + 4] = best;
        }
        Map<String, FixturePayloads.Payload> payloads = FixturePayloads.all();
        String format = "%-38s %6s %22s %22s %14s %14s %14s%n";
        System.out.printf(Locale.ROOT, format, "payload", "deltas", "readTree ops/s", "parse ops/s",
                "ratio (means)", "ratio (bests)", "parse deltas/s");
        scores.forEach((payload, row) -> {
            FixturePayloads.Payload fixture = payloads.get(payload);
            int deltas = fixture == null ? 1 : fixture.deltas();
            System.out.printf(Locale.ROOT, format, payload, fixture == null ? "?" : deltas,
                    score(row[0], row[1]), score(row[2], row[3]),
                    String.format(Locale.ROOT, "%.2f", row[0] / row[2]),
                    String.format(Locale.ROOT, "%.2f", row[4] / row[6]),
                    String.format(Locale.ROOT, "%,.0f", row[2] * deltas));
        });
        List<String> missing = payloads.keySet().stream().filter(name -> !scores.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            System.out.println("payloads not in this result: " + String.join(", ", missing));
        }
    }

    /** JMH writes a number, or "NaN" as a string (e.g. the error of a single iteration). */
    private static double number(JsonNode node) {
        return node.isNumber() ? node.doubleValue() : Double.parseDouble(node.stringValue());
    }

    private static String score(double score, double error) {
        if (Double.isNaN(score)) {
            return "-";
        }
        return Double.isNaN(error) ? String.format(Locale.ROOT, "%,.0f", score)
                : String.format(Locale.ROOT, "%,.0f ± %,.0f", score, error);
    }
}
