package dev.fbchat.spring.boot.autoconfigure.metrics;

import dev.fbchat.listen.Listener;
import dev.fbchat.spring.boot.autoconfigure.FbChatAutoConfiguration;
import dev.fbchat.spring.boot.autoconfigure.listener.FbChatListenerLifecycle;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The starter's Micrometer meters, when Micrometer is present and the listener runs. */
@AutoConfiguration(after = FbChatAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(Listener.class)
public final class FbChatMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FbChatMetrics fbChatMetrics(Listener listener, ObjectProvider<FbChatListenerLifecycle> lifecycle) {
        return new FbChatMetrics(listener, lifecycle.getIfAvailable());
    }
}
