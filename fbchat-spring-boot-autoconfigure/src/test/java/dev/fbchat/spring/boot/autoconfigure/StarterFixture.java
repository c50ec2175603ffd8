package dev.fbchat.spring.boot.autoconfigure;

import java.nio.file.Path;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * An emulator for starter tests, registered as a JUnit extension
 * ({@code @RegisterExtension static final StarterFixture starter = new StarterFixture();}): one for the class, or with
 * {@link #perTest()} a fresh one for each test (for tests that end sessions or need a clean world); and an
 * {@code ApplicationContextRunner} of the starter pointed at it as the bot.
 */
final class StarterFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final boolean perTest;

    private MessengerEmulator emulator;

    private EmulatorDriver driver;

    /** One emulator for the whole class. */
    StarterFixture() {
        this(false);
    }

    private StarterFixture(boolean perTest) {
        this.perTest = perTest;
    }

    /** A fresh emulator for each test. */
    static StarterFixture perTest() {
        return new StarterFixture(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!this.perTest) {
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!this.perTest) {
            this.emulator.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (this.perTest) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (this.perTest) {
            this.emulator.close();
        }
    }

    private void start() {
        this.emulator = MessengerEmulator.start();
        this.driver = new EmulatorDriver(this.emulator.baseUrl());
    }

    MessengerEmulator emulator() {
        return this.emulator;
    }

    EmulatorDriver driver() {
        return this.driver;
    }

    /** The seeded account whose name starts with {@code name}. */
    Account account(String name) {
        return this.emulator.accounts().stream().filter(a -> a.name().startsWith(name)).findFirst().orElseThrow();
    }

    /** The starter's auto-configurations (and {@code more}) logging in as the emulator's bot, cookies in {@code cookieFile}. */
    ApplicationContextRunner runner(Path cookieFile, Class<?>... more) {
        Class<?>[] configurations = new Class<?>[more.length + 1];
        configurations[0] = FbChatAutoConfiguration.class;
        System.arraycopy(more, 0, configurations, 1, more.length);
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(configurations))
            .withPropertyValues("fbchat.endpoints.base-url=" + this.emulator.baseUrl(),
                    "fbchat.email=" + this.emulator.bot().email(), "fbchat.password=" + this.emulator.bot().password(),
                    "fbchat.cookie-file=" + cookieFile);
    }
}
