package dev.fbchat.spring.boot.autoconfigure;

import java.nio.file.Path;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * One emulator for a class of starter tests, registered as a JUnit extension
 * ({@code @RegisterExtension static final StarterFixture starter = new StarterFixture();}), and an
 * {@code ApplicationContextRunner} of the starter pointed at it as the bot.
 */
final class StarterFixture implements BeforeAllCallback, AfterAllCallback {

    private MessengerEmulator emulator;

    private EmulatorDriver driver;

    @Override
    public void beforeAll(ExtensionContext context) {
        this.emulator = MessengerEmulator.start();
        this.driver = new EmulatorDriver(this.emulator.baseUrl());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        this.emulator.close();
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
