package dev.fbchat.sample;

import java.nio.file.Path;
import java.util.Map;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.MessengerEmulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With no credentials configured ({@code fbchat.email}) and no endpoint chosen
 * ({@code fbchat.endpoints.base-url}), starts an embedded Messenger emulator on
 * {@code fbchat.emulator.port} (default {@value MessengerEmulator#DEFAULT_PORT}, {@code 0} for
 * any free port), points the starter at it as the emulator's bot account, and logs a
 * {@code curl} that makes alice talk to the bot. Set {@code fbchat.emulator.enabled=false} to
 * never start it.
 */
public class EmbeddedEmulatorInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The bean name of the embedded emulator, when one runs. */
    public static final String EMULATOR_BEAN = "messengerEmulator";

    /** The one-to-one thread of the bot and alice in the emulator's seeded world. */
    static final String ALICE_THREAD = "200000000000002";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEmulatorInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.getProperty("fbchat.emulator.enabled", Boolean.class, true)
                || environment.containsProperty("fbchat.email")
                || environment.containsProperty("fbchat.endpoints.base-url")) {
            return;
        }
        int port = environment.getProperty("fbchat.emulator.port", Integer.class, MessengerEmulator.DEFAULT_PORT);
        MessengerEmulator emulator = MessengerEmulator.start(port);
        Account bot = emulator.bot();
        Path cookieFile = Path.of(System.getProperty("java.io.tmpdir"), "fbchat-emulator-cookies.json");
        environment.getPropertySources()
            .addFirst(new MapPropertySource("fbchatEmbeddedEmulator",
                    Map.of("fbchat.endpoints.base-url", emulator.baseUrl().toString(), "fbchat.email", bot.email(),
                            "fbchat.password", bot.password(), "fbchat.cookie-file", cookieFile.toString())));
        // Registered first, destroyed last: the listener disconnects before the emulator goes away.
        context.getBeanFactory().registerSingleton(EMULATOR_BEAN, emulator);
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean(EMULATOR_BEAN, emulator::close);
        }
        context.addApplicationListener(event -> {
            if (event instanceof ApplicationReadyEvent ready && ready.getApplicationContext() == context) {
                log.info("No fbchat.email set: the bot runs against the Messenger emulator at {}. Make alice talk to it: {}",
                        emulator.baseUrl(), aliceSaysHello(emulator));
            }
        });
    }

    private static String aliceSaysHello(MessengerEmulator emulator) {
        String alice = emulator.accounts().stream().filter(a -> a.name().toLowerCase().startsWith("alice")).findFirst()
            .orElseThrow().id();
        return "curl -s -X POST " + emulator.baseUrl() + "/_emulator/threads/" + ALICE_THREAD + "/messages"
                + " -H 'Content-Type: application/json' -d '{\"from\":\"" + alice + "\",\"text\":\"hello\"}'"
                + " && sleep 1 && curl -s " + emulator.baseUrl() + "/_emulator/threads/" + ALICE_THREAD + "/messages";
    }
}
