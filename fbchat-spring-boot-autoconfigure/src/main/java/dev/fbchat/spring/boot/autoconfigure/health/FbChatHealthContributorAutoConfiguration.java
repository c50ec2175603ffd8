package dev.fbchat.spring.boot.autoconfigure.health;

import java.time.Clock;

import dev.fbchat.Session;
import dev.fbchat.listen.Listener;
import dev.fbchat.spring.boot.autoconfigure.FbChatAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** The {@code fbchat} health indicator, when Spring Boot's health support is present and the listener runs. */
@AutoConfiguration(after = FbChatAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Listener.class)
@ConditionalOnEnabledHealthIndicator("fbchat")
public final class FbChatHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "fbchatHealthIndicator")
    FbChatHealthIndicator fbchatHealthIndicator(Session session, Listener listener) {
        return new FbChatHealthIndicator(session, listener, Clock.systemUTC());
    }
}
