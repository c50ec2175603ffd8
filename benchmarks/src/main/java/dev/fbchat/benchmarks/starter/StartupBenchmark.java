package dev.fbchat.benchmarks.starter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.fbchat.Session;
import dev.fbchat.spring.boot.autoconfigure.session.FileCookieStore;

/**
 * The startup time the starter adds to an application that has a valid cookie file: fresh JVMs run
 * {@link StartupProbe}, alternately with the starter on ({@code fbchat.*} pointing at an emulator in this process) and
 * off ({@code fbchat.enabled=false}, everything else the same); each prints how long {@code SpringApplication.run}
 * took, and with the starter on, how long until its listener was connected (it restores the session and connects in
 * the background, after the start). The first pairs warm the file cache and the emulator up and are not counted; the
 * pairs after them run on first and off first by turns. The figure is the median of the pairs' differences, which the
 * machine's drift over the run affects less than a difference of medians.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.fbchat.benchmarks.starter.StartupBenchmark [pairs] [warm-up]</pre>
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        try (BenchmarkWorld world = new BenchmarkWorld(0, 1_000)) {
            Path cookieFile = Path.of(world.starterProperties().get("fbchat.cookie-file").toString());
            Session session = world.login(world.bot);
            new FileCookieStore(cookieFile).save(session.getCookies());
            int loginsBefore = world.driver.stats().logins();
            double[] with = new double[pairs];
            double[] without = new double[pairs];
            double[] added = new double[pairs];
            double[] connected = new double[pairs];
            for (int i = -warmUp; i < pairs; i++) {
                boolean onFirst = i % 2 == 0;
                Probe first = probe(world, onFirst);
                Probe second = probe(world, !onFirst);
                Probe on = onFirst ? first : second;
                Probe off = onFirst ? second : first;
                if (i >= 0) {
                    with[i] = on.startup();
                    without[i] = off.startup();
                    added[i] = on.startup() - off.startup();
                    connected[i] = on.connected();
                }
            }
            if (world.driver.stats().logins() != loginsBefore) {
                throw new IllegalStateException("the starter logged in instead of using the cookie file");
            }
            Arrays.sort(with);
            Arrays.sort(without);
            Arrays.sort(added);
            Arrays.sort(connected);
            System.out.printf(Locale.ROOT, "%d fresh JVMs each, alternating, after %d warm-up pairs%n", pairs, warmUp);
            System.out.printf(Locale.ROOT, "%-44s %8s %8s %8s%n", "SpringApplication.run (ms)", "min", "median", "max");
            print("starter on, valid cookie file", with);
            print("starter off (fbchat.enabled=false)", without);
            print("added (on - off, pair by pair)", added);
            print("starter on: listener connected, from start", connected);
            System.out.printf(Locale.ROOT, "startup the starter adds: %.0f ms median (quartiles %.0f to %.0f)%n",
                    added[pairs / 2], added[pairs / 4], added[pairs * 3 / 4]);
        }
    }

    private static void print(String label, double[] sorted) {
        System.out.printf(Locale.ROOT, "%-44s %8.0f %8.0f %8.0f%n", label, sorted[0], sorted[sorted.length / 2],
                sorted[sorted.length - 1]);
    }

    /**
     * What one fresh JVM's {@link StartupProbe} printed.
     *
     * @param startup milliseconds {@code SpringApplication.run} took
     * @param connected milliseconds from the start until the listener was connected; {@code NaN} with the starter off
     */
    private record Probe(double startup, double connected) {
    }

    private static Probe probe(BenchmarkWorld world, boolean starterOn) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), StartupProbe.class.getName()));
        world.starterProperties().forEach((name, value) -> command.add("--" + name + "=" + value));
        command.add("--fbchat.enabled=" + starterOn);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the probe failed:\n" + output);
        }
        double startup = figure(output, StartupProbe.RESULT);
        return new Probe(startup, starterOn ? figure(output, StartupProbe.CONNECTED) : Double.NaN);
    }

    /** The number on the probe's line that starts with {@code label}. */
    private static double figure(String output, String label) {
        return output.lines()
            .filter(line -> line.startsWith(label))
            .map(line -> Double.parseDouble(line.substring(label.length()).strip()))
            .reduce((first, last) -> last)
            .orElseThrow(() -> new IllegalStateException("the probe printed no \"" + label + "\" line:\n" + output));
    }
}
