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
 * took. The first pairs warm the file cache and the emulator up and are not counted; the pairs after them run on
 * first and off first by turns. The figure is the median of the pairs' differences, which the machine's drift over the
 * run affects less than a difference of medians.
 *
 * <pre>java [-Dspring.backgroundpreinitializer.ignore=true] -cp benchmarks/target/benchmarks.jar dev.fbchat.benchmarks.starter.StartupBenchmark [pairs] [warm-up]</pre>
 *
 * <p>With {@code spring.backgroundpreinitializer.ignore} set, the probes run without Spring Boot's and the starter's
 * background preinitialization, to show what the latter saves.
 */
public final class StartupBenchmark {

    /** Given to this harness, passed on to every probe: Spring Boot's and the starter's preinitializers stay idle. */
    private static final String NO_PREINITIALIZATION = "spring.backgroundpreinitializer.ignore";

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
            for (int i = -warmUp; i < pairs; i++) {
                boolean onFirst = i % 2 == 0;
                double first = probe(world, onFirst);
                double second = probe(world, !onFirst);
                double on = onFirst ? first : second;
                double off = onFirst ? second : first;
                if (i >= 0) {
                    with[i] = on;
                    without[i] = off;
                    added[i] = on - off;
                }
            }
            if (world.driver.stats().logins() != loginsBefore) {
                throw new IllegalStateException("the starter logged in instead of using the cookie file");
            }
            Arrays.sort(with);
            Arrays.sort(without);
            Arrays.sort(added);
            System.out.printf(Locale.ROOT, "%d fresh JVMs each, alternating, after %d warm-up pairs%n", pairs, warmUp);
            System.out.printf(Locale.ROOT, "%-44s %8s %8s %8s%n", "SpringApplication.run (ms)", "min", "median", "max");
            print("starter on, valid cookie file", with);
            print("starter off (fbchat.enabled=false)", without);
            print("added (on - off, pair by pair)", added);
            System.out.printf(Locale.ROOT, "startup the starter adds: %.0f ms median (quartiles %.0f to %.0f)%n",
                    added[pairs / 2], added[pairs / 4], added[pairs * 3 / 4]);
        }
    }

    private static void print(String label, double[] sorted) {
        System.out.printf(Locale.ROOT, "%-44s %8.0f %8.0f %8.0f%n", label, sorted[0], sorted[sorted.length / 2],
                sorted[sorted.length - 1]);
    }

    /** Milliseconds one fresh JVM's {@link StartupProbe} took to start. */
    private static double probe(BenchmarkWorld world, boolean starterOn) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path")));
        if (Boolean.getBoolean(NO_PREINITIALIZATION)) {
            command.add("-D" + NO_PREINITIALIZATION + "=true");
        }
        command.add(StartupProbe.class.getName());
        world.starterProperties().forEach((name, value) -> command.add("--" + name + "=" + value));
        command.add("--fbchat.enabled=" + starterOn);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the probe failed:\n" + output);
        }
        return output.lines()
            .filter(line -> line.startsWith(StartupProbe.RESULT))
            .map(line -> Double.parseDouble(line.substring(StartupProbe.RESULT.length()).strip()))
            .reduce((first, last) -> last)
            .orElseThrow(() -> new IllegalStateException("the probe printed no result:\n" + output));
    }
}
