package dev.fbchat.benchmarks.starter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.fbchat.Endpoints;
import dev.fbchat.Session;
import dev.fbchat.SessionOptions;
import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An in-process Messenger emulator set up for the starter's benchmarks: the bot (the starter's account), alice (the
 * bare Paho client's account) and bob (who sends), in group threads of all three, so that one message of bob's lands
 * in both the bot's and alice's delta logs with the same shape.
 */
final class BenchmarkWorld implements AutoCloseable {

    final MessengerEmulator emulator;

    final EmulatorDriver driver;

    final Account bot;

    final Account alice;

    final Account bob;

    final List<String> groups = new ArrayList<>();

    private final Path cookieFile;

    BenchmarkWorld(int groupCount, int maxDeltasPerAccount) throws Exception {
        this.emulator = MessengerEmulator.start(
                MessengerEmulator.Options.defaults().withMaxDeltasPerAccount(maxDeltasPerAccount));
        this.driver = new EmulatorDriver(this.emulator.baseUrl());
        List<Account> accounts = this.emulator.accounts();
        this.bot = accounts.get(0);
        this.alice = accounts.get(1);
        this.bob = accounts.get(2);
        for (int i = 0; i < groupCount; i++) {
            this.groups.add(this.driver
                .createGroup("benchmark " + i, List.of(this.bot.id(), this.alice.id(), this.bob.id()))
                .id());
        }
        this.cookieFile = Files.createTempDirectory("fbchat-benchmark").resolve("cookies.json");
    }

    /** A session of {@code account}, logged in to the emulator through fbchat-core. */
    Session login(Account account) {
        return Session.login(account.email(), account.password(), null,
                SessionOptions.defaults().withEndpoints(Endpoints.local(this.emulator.baseUrl())));
    }

    /** Properties that point the starter at the emulator as the bot, with quiet logs. */
    Map<String, Object> starterProperties() {
        return Map.of("fbchat.endpoints.base-url", this.emulator.baseUrl().toString(), "fbchat.email",
                this.bot.email(), "fbchat.password", this.bot.password(), "fbchat.cookie-file",
                this.cookieFile.toString(), "logging.level.root", "WARN", "spring.main.banner-mode", "off");
    }

    /** Starts a non-web application of {@code sources} with the starter pointed at the emulator. */
    ConfigurableApplicationContext startBot(Map<String, Object> extraProperties, Class<?>... sources) {
        Map<String, Object> properties = new HashMap<>(starterProperties());
        properties.putAll(extraProperties);
        SpringApplication application = new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .properties(properties)
            .build();
        return application.run();
    }

    /**
     * Bob sends {@code perGroup} messages to each group, the groups in parallel; returns the nanoseconds it took.
     */
    long bobSends(int perGroup, String prefix) throws Exception {
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(this.groups.size());
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (String group : this.groups) {
                sent.add(senders.submit(() -> {
                    for (int i = 0; i < perGroup; i++) {
                        this.driver.send(group, this.bob.id(), prefix + " " + i);
                    }
                    return null;
                }));
            }
            for (Future<?> each : sent) {
                each.get();
            }
        }
        finally {
            senders.shutdown();
        }
        return System.nanoTime() - start;
    }

    @Override
    public void close() throws Exception {
        this.emulator.close();
        Files.deleteIfExists(this.cookieFile);
        Files.deleteIfExists(this.cookieFile.getParent());
    }
}
