package dev.fbchat.spring.boot.autoconfigure.listener;

import java.lang.reflect.Method;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import dev.fbchat.spring.FbChatErrorHandler;
import dev.fbchat.spring.FbChatListener;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.EventListenerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Turns {@link FbChatListener} methods into {@link FbChatListenerMethodAdapter}s. Ordered before
 * Spring's default factory, which keeps handling plain {@code @EventListener} methods.
 */
public final class FbChatEventListenerFactory implements EventListenerFactory, Ordered {

    private final Supplier<FbChatErrorHandler> errorHandler;

    private final Supplier<ObservationRegistry> observations;

    private final UnaryOperator<String> placeholders;

    /**
     * @param errorHandler the error handler of every adapter, asked for at each failure
     * @param observations where handler calls are observed ({@link ObservationRegistry#NOOP} without one)
     * @param placeholders resolves {@code ${...}} placeholders in the filters' thread ids
     */
    public FbChatEventListenerFactory(Supplier<FbChatErrorHandler> errorHandler,
            Supplier<ObservationRegistry> observations, UnaryOperator<String> placeholders) {
        this.errorHandler = errorHandler;
        this.observations = observations;
        this.placeholders = placeholders;
    }

    @Override
    public int getOrder() {
        return 50;
    }

    @Override
    public boolean supportsMethod(Method method) {
        return AnnotatedElementUtils.hasAnnotation(method, FbChatListener.class);
    }

    @Override
    public ApplicationListener<?> createApplicationListener(String beanName, Class<?> type, Method method) {
        return new FbChatListenerMethodAdapter(beanName, type, method, this.errorHandler, this.observations,
                this.placeholders);
    }
}
