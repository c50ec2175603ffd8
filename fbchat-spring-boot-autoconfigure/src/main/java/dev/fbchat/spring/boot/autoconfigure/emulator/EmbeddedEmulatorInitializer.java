package dev.fbchat.spring.boot.autoconfigure.emulator;

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
import org.springframework.util.ClassUtils;

/**
 * With {@code fbchat.emulator.enabled=true} and neither {@code fbchat.email} nor {@code fbchat.endpoints.base-url}
 * set, starts an embedded Messenger emulator (fbchat-emulator must be on the classpath) on {@code fbchat.emulator.port}
 * and points the starter at it as the emulator's bot account; the session's cookies go to {@code fbchat.cookie-file}
 * as usual. Logs a {@code curl} that makes alice talk to the bot. The emulator is a bean named
 * {@value #EMULATOR_BEAN}, closed after everything that uses it.
 */
public final class EmbeddedEmulatorInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The bean name of the embedded emulator, when one runs. */
    public static final String EMULATOR_BEAN = "fbchatEmbeddedEmulator";

    /** The one-to-one thread of the bot and alice in the emulator's seeded world. */
    public static final String ALICE_THREAD = "200000000000002";

    private static final String EMULATOR_CLASS = "dev.fbchat.emulator.MessengerEmulator";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEmulatorInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.getProperty("fbchat.emulator.enabled", Boolean.class, false)) {
            return;
        }
        if (environment.containsProperty("fbchat.email") || environment.containsProperty("fbchat.endpoints.base-url")) {
            log.info("fbchat.emulator.enabled is true, but fbchat.email or fbchat.endpoints.base-url is set: no "
                    + "embedded emulator");
            return;
        }
        if (!ClassUtils.isPresent(EMULATOR_CLASS, context.getClassLoader())) {
            throw new IllegalStateException("fbchat.emulator.enabled is true but fbchat-emulator is not on the "
                    + "classpath: add the dependency dev.fbchat:fbchat-emulator, or set fbchat.emulator.enabled=false");
        }
        int port = environment.getProperty("fbchat.emulator.port", Integer.class, MessengerEmulator.DEFAULT_PORT);
        MessengerEmulator emulator;
        try {
            emulator = MessengerEmulator.start(port);
        }
        catch (Exception ex) {
            // Netty throws the socket's BindException as it is, though the method declares none
            throw new EmbeddedEmulatorPortException(port, ex);
        }
        Account bot = emulator.bot();
        environment.getPropertySources()
            .addFirst(new MapPropertySource(EMULATOR_BEAN, Map.of("fbchat.endpoints.base-url",
                    emulator.baseUrl().toString(), "fbchat.email", bot.email(), "fbchat.password", bot.password())));
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
