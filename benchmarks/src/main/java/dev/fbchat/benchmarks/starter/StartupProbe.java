package dev.fbchat.benchmarks.starter;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.fbchat.Session;
import dev.fbchat.listen.Listener;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One start of a bot application for {@link StartupBenchmark}: runs it with the given arguments, checks that the
 * starter made a {@link Session} when it is on, and prints the milliseconds {@code SpringApplication.run} took on a line
 * starting with {@value #RESULT}. With the starter on it then waits for the listener, which restores the session and
 * connects in the background, and prints the milliseconds from the start until it is connected on a line starting
 * with {@value #CONNECTED}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StartupProbe {

    /** What the line with the result starts with; log lines may come before and after it. */
    static final String RESULT = "startup ms: ";

    /** What the line with the time until the listener is connected starts with. */
    static final String CONNECTED = "connected ms: ";

    public static void main(String[] args) {
        long start = System.nanoTime();
        SpringApplication application = new SpringApplication(StartupProbe.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        ConfigurableApplicationContext context = application.run(args);
        long elapsed = System.nanoTime() - start;
        boolean starterOn = context.getEnvironment().getProperty("fbchat.enabled", Boolean.class, true);
        if (starterOn != context.getBeanProvider(Session.class).stream().findAny().isPresent()) {
            throw new IllegalStateException("the starter's Session is not there as fbchat.enabled says");
        }
        System.out.printf(Locale.ROOT, "%s%.1f%n", RESULT, elapsed / 1e6);
        if (starterOn) {
            Listener listener = context.getBean(Listener.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!listener.isConnected()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the listener did not connect within 30 s");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
            System.out.printf(Locale.ROOT, "%s%.1f%n", CONNECTED, (System.nanoTime() - start) / 1e6);
        }
        System.exit(0);
    }
}
