package dev.fbchat.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts an emulator for one application context, points {@code fbchat.*} at it (as its bot account, cookies in a
 * temporary file, the embedded-emulator mode off) and registers the emulator and a driver as beans; the context is
 * ready once the bot's listener is connected; the emulator is closed with the context. Equal for every test class, so Spring's context cache shares contexts as usual.
 */
final class FbChatEmulatorContextCustomizer implements ContextCustomizer {

    static final String EMULATOR_BEAN = "fbchatTestEmulator";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        MessengerEmulator emulator = MessengerEmulator.start(0);
        Path cookies;
        try {
            cookies = Files.createTempFile("fbchat-test-cookies", ".json");
            Files.delete(cookies);
        }
        catch (IOException ex) {
            emulator.close();
            throw new UncheckedIOException("Could not make a temporary cookie file", ex);
        }
        context.getEnvironment()
            .getPropertySources()
            .addFirst(new MapPropertySource(EMULATOR_BEAN, Map.of("fbchat.endpoints.base-url",
                    emulator.baseUrl().toString(), "fbchat.email", emulator.bot().email(), "fbchat.password",
                    emulator.bot().password(), "fbchat.cookie-file", cookies.toString(), "fbchat.emulator.enabled",
                    "false")));
        context.getBeanFactory().registerSingleton(EMULATOR_BEAN, emulator);
        context.getBeanFactory().registerSingleton("fbchatTestEmulatorDriver", new EmulatorDriver(emulator.baseUrl()));
        context.getBeanFactory().registerSingleton("fbchatTestListenerConnected", new ListenerConnectedAwaiter(context));
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            // registered first, destroyed last: the listener disconnects before the emulator goes away
            registry.registerDisposableBean(EMULATOR_BEAN, () -> {
                emulator.close();
                try {
                    Files.deleteIfExists(cookies);
                }
                catch (IOException ex) {
                    // a temporary file: left to the system
                }
            });
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FbChatEmulatorContextCustomizer;
    }

    @Override
    public int hashCode() {
        return FbChatEmulatorContextCustomizer.class.hashCode();
    }
}
