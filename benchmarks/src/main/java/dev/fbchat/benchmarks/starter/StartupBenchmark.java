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
 * took. The first pairs warm the file cache and the emulator up and are not counted.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.fbchat.benchmarks.starter.StartupBenchmark [pairs] [warm-up]</pre>
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        try (BenchmarkWorld world = new BenchmarkWorld(0, 1_000)) {
            Path cookieFile = Path.of(world.starterProperties().get("fbchat.cookie-file").toString());
            Session session = world.login(world.bot);
            new FileCookieStore(cookieFile).save(session.getCookies());
            int loginsBefore = world.driver.stats().logins();
            double[] with = new double[pairs];
            double[] without = new double[pairs];
            for (int i = -warmUp; i < pairs; i++) {
                double on = probe(world, true);
                double off = probe(world, false);
                if (i >= 0) {
                    with[i] = on;
                    without[i] = off;
                }
            }
            if (world.driver.stats().logins() != loginsBefore) {
                throw new IllegalStateException("the starter logged in instead of using the cookie file");
            }
            Arrays.sort(with);
            Arrays.sort(without);
            System.out.printf(Locale.ROOT, "%d fresh JVMs each, alternating, after %d warm-up pairs%n", pairs, warmUp);
            System.out.printf(Locale.ROOT, "%-44s %8s %8s %8s%n", "SpringApplication.run (ms)", "min", "median", "max");
            print("starter on, valid cookie file", with);
            print("starter off (fbchat.enabled=false)", without);
            System.out.printf(Locale.ROOT, "startup the starter adds: %.0f ms median%n",
                    with[pairs / 2] - without[pairs / 2]);
        }
    }

    private static void print(String label, double[] sorted) {
        System.out.printf(Locale.ROOT, "%-44s %8.0f %8.0f %8.0f%n", label, sorted[0], sorted[sorted.length / 2],
                sorted[sorted.length - 1]);
    }

    /** Milliseconds one fresh JVM's {@link StartupProbe} took to start. */
    private static double probe(BenchmarkWorld world, boolean starterOn) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), StartupProbe.class.getName()));
        world.starterProperties().forEach((name, value) -> command.add("--" + name + "=" + value));
        command.add("--fbchat.enabled=" + starterOn);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the probe failed:\n" + output);
        }
        String[] lines = output.strip().split("\n");
        return Double.parseDouble(lines[lines.length - 1].strip());
    }
}
