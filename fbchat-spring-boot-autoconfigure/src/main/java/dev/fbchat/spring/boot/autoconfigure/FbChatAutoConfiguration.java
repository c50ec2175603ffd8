package dev.fbchat.spring.boot.autoconfigure;

import java.util.Map;

import dev.fbchat.Client;
import dev.fbchat.ProtocolConstant;
import dev.fbchat.Session;
import dev.fbchat.SessionOptions;
import dev.fbchat.TwoFactorCodeProvider;
import dev.fbchat.listen.Listener;
import dev.fbchat.spring.FbChatCookieStore;
import dev.fbchat.spring.FbChatErrorHandler;
import dev.fbchat.spring.boot.autoconfigure.listener.FbChatEventListenerFactory;
import dev.fbchat.spring.boot.autoconfigure.listener.FbChatListenerLifecycle;
import dev.fbchat.spring.boot.autoconfigure.listener.LoggingErrorHandler;
import dev.fbchat.spring.boot.autoconfigure.session.FbChatSessionCookieSaver;
import dev.fbchat.spring.boot.autoconfigure.session.FbChatSessionFactory;
import dev.fbchat.spring.boot.autoconfigure.session.FileCookieStore;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of fbchat: a logged-in {@link Session} (saved cookies first, login
 * second), a {@link Client}, and a {@link Listener} that runs with the application and
 * publishes every Messenger event as an application event for {@code @FbChatListener} and
 * {@code @EventListener} methods. When Facebook ends the session, the listener publishes
 * {@code LoggedOut}, logs in again the same way, and the {@code Session} bean carries on with
 * the new login.
 */
@AutoConfiguration(afterName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
@ConditionalOnBooleanProperty(name = "fbchat.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FbChatProperties.class)
public final class FbChatAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FbChatCookieStore fbChatCookieStore(FbChatProperties properties) {
        return new FileCookieStore(properties.getCookieFile());
    }

    /**
     * The session options, made when the session first needs them (for a session restored at its first use, on the
     * listener's thread once the application has started), with Spring Boot's {@code RestClient.Builder}.
     */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    SessionOptions fbChatSessionOptions(FbChatProperties properties, ObjectProvider<RestClient.Builder> restClientBuilder) {
        SessionOptions options = SessionOptions.defaults()
            .withEndpoints(properties.getEndpoints().toEndpoints())
            .withUserAgent(properties.getUserAgent())
            .withTimeout(properties.getTimeout())
            .withSendPacing(properties.getSend().toSendPacing());
        for (Map.Entry<ProtocolConstant, String> constant : properties.getProtocol().entrySet()) {
            options = options.withProtocolConstant(constant.getKey(), constant.getValue());
        }
        RestClient.Builder builder = restClientBuilder.getIfAvailable();
        return builder == null ? options : options.withRestClientBuilder(builder);
    }

    @Bean
    @ConditionalOnMissingBean
    FbChatSessionFactory fbChatSessionFactory(FbChatProperties properties, FbChatCookieStore cookieStore,
            ObjectProvider<SessionOptions> options, ObjectProvider<TwoFactorCodeProvider> twoFactor) {
        return new FbChatSessionFactory(cookieStore, options::getObject, properties.getEmail(), properties.getPassword(),
                twoFactor.getIfAvailable(() -> totp(properties.getTwoFactor().getTotpSecret())));
    }

    /** Login codes from {@code fbchat.two-factor.totp-secret}, or none when it is not set. */
    private static @Nullable TwoFactorCodeProvider totp(@Nullable String secret) {
        if (secret == null || secret.isBlank()) {
            return null;
        }
        try {
            return TwoFactorCodeProvider.totp(secret);
        }
        catch (IllegalArgumentException ex) {
            // the message names the bad character's position, never the secret
            throw new IllegalStateException("fbchat.two-factor.totp-secret is not a base32 secret: " + ex.getMessage(),
                    ex);
        }
    }

    /**
     * The session: with saved cookies, restored (or logged in again) at its first use, normally when the listener
     * connects in the background, so the application starts without waiting for Facebook; without, logged in now
     * ({@link FbChatSessionFactory#session()}). When Facebook ends it, the listener logs in again with
     * {@link FbChatSessionFactory} and this same object takes the new login over ({@link Session#renewFrom}): beans
     * holding it need no refresh.
     */
    @Bean
    @ConditionalOnMissingBean
    Session fbChatSession(FbChatSessionFactory factory) {
        return factory.session();
    }

    @Bean
    FbChatSessionCookieSaver fbChatSessionCookieSaver(Session session, FbChatCookieStore cookieStore) {
        return new FbChatSessionCookieSaver(session, cookieStore);
    }

    @Bean
    @ConditionalOnMissingBean
    Client fbChatClient(Session session) {
        return new Client(session);
    }

    @Bean
    static FbChatEventListenerFactory fbChatEventListenerFactory(ObjectProvider<FbChatErrorHandler> errorHandler,
            ObjectProvider<ObservationRegistry> observations, Environment environment) {
        // looked up once, at the first event, not at every event
        return new FbChatEventListenerFactory(SingletonSupplier.of(errorHandler::getObject),
                SingletonSupplier.of(() -> observations.getIfAvailable(() -> ObservationRegistry.NOOP)),
                environment::resolveRequiredPlaceholders);
    }

    /** Logs each handler failure once with the handler's name, and counts them. */
    @Bean
    @ConditionalOnMissingBean(FbChatErrorHandler.class)
    LoggingErrorHandler fbChatErrorHandler() {
        return new LoggingErrorHandler();
    }

    @Bean(destroyMethod = "disconnect")
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "fbchat.listener.enabled", matchIfMissing = true)
    Listener fbChatListener(Session session, FbChatProperties properties, FbChatSessionFactory factory) {
        FbChatProperties.Listener listener = properties.getListener();
        return Listener.builder(session)
            .chatOn(listener.isChatOn())
            .foreground(listener.isForeground())
            .keepAlive(listener.getKeepAlive())
            .reconnectBackoff(listener.getReconnectInitialDelay(), listener.getReconnectMaxDelay())
            .onLoggedOut(listener.isRenewSession() ? factory : null)
            .build();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "fbchat.listener.enabled", matchIfMissing = true)
    FbChatListenerLifecycle fbChatListenerLifecycle(Listener listener, ApplicationEventPublisher publisher,
            FbChatProperties properties) {
        FbChatProperties.Listener listening = properties.getListener();
        return new FbChatListenerLifecycle(listener, publisher, listening.getConcurrency(), listening.getQueueCapacity(),
                listening.getShutdownTimeout());
    }
}
