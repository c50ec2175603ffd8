package dev.fbchat.spring.boot.autoconfigure;

import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLContext;

import dev.fbchat.Session;
import dev.fbchat.internal.FacebookJson;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Prepares, on a background thread while the application context is being built, what the starter's first request to
 * Facebook needs, so that the session bean restores the cookie file paying less for it on the main thread: the JDK's
 * default TLS context (providers and trust store), fbchat's JSON mapper, and the HTTP stack of a session (the JDK
 * client, Spring's {@code RestClient}, cookies), built by an offline session that makes no request.
 *
 * <p>It runs once per JVM, when the environment is prepared, and not at all when {@code fbchat.enabled} is
 * {@code false}: an application with the starter turned off pays nothing for it. Like Spring Boot's own
 * preinitializers it needs more than one processor, and {@code -Dspring.backgroundpreinitializer.ignore=true} turns it
 * off. Whatever fails here is left for the first real request to meet.
 */
public final class FbChatPreinitializer implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** Spring Boot's system property that turns background preinitialization off. */
    static final String IGNORE_PROPERTY = "spring.backgroundpreinitializer.ignore";

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (isWanted(event.getEnvironment(), Runtime.getRuntime().availableProcessors())
                && STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(FbChatPreinitializer::preinitialize, "fbchat-preinitialize");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Whether to preinitialize: the starter is on (as its auto-configuration reads {@code fbchat.enabled}), there is a
     * second processor to do it on, and Spring Boot's preinitialization is not turned off.
     */
    static boolean isWanted(Environment environment, int processors) {
        String enabled = environment.getProperty("fbchat.enabled");
        return (enabled == null || !enabled.trim().equalsIgnoreCase("false")) && processors > 1
                && !Boolean.getBoolean(IGNORE_PROPERTY);
    }

    /**
     * Does the work on the calling thread.
     *
     * @return whether all of it was done
     */
    static boolean preinitialize() {
        try {
            SSLContext.getDefault();
            FacebookJson.MAPPER.readTree("{\"preinitialized\":true}");
            Session.offline("0");
            return true;
        }
        catch (Exception ex) {
            return false;
        }
    }
}
