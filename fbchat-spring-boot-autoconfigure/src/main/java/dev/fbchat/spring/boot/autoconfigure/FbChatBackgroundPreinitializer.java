package dev.fbchat.spring.boot.autoconfigure;

import javax.net.ssl.SSLContext;

import dev.fbchat.Session;
import dev.fbchat.internal.FacebookJson;
import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;

/**
 * Prepares, on Spring Boot's {@code background-preinit} thread while the application context is being built, what
 * the starter's first request to Facebook needs: the JDK's default TLS context (providers and trust store), fbchat's
 * JSON mapper, and the HTTP stack of a session (the JDK client, Spring's {@code RestClient}). The session bean then restores the cookie file without paying for
 * them on the main thread. Like Spring Boot's own preinitializers it runs only with more than one processor, and
 * {@code -Dspring.backgroundpreinitializer.ignore=true} turns it off.
 */
public final class FbChatBackgroundPreinitializer implements BackgroundPreinitializer {

    @Override
    public void preinitialize() throws Exception {
        SSLContext.getDefault();
        FacebookJson.MAPPER.readTree("{\"preinitialized\":true}");
        // a session that makes no request builds the whole HTTP stack: the JDK client, Spring's RestClient, cookies
        Session.offline("0");
    }
}
