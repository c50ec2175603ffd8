package dev.fbchat.spring.boot.autoconfigure.metrics;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.fbchat.event.Event;
import dev.fbchat.listen.Listener;
import dev.fbchat.listen.ListenerStatus;
import dev.fbchat.spring.boot.autoconfigure.listener.FbChatListenerLifecycle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;

/**
 * The starter's meters, all with bounded tags (an event type, never a thread or user id):
 * <ul>
 * <li>{@code fbchat.events.received} (counter, tag {@code type}): events the listener delivered;</li>
 * <li>{@code fbchat.listener.connected} (gauge, 1 or 0), {@code fbchat.listener.last.message.age} (gauge, seconds);</li>
 * <li>{@code fbchat.listener.reconnects} and {@code fbchat.listener.relogins} (counters);</li>
 * <li>{@code fbchat.dispatch.queue} (gauge): events waiting for or in their handlers.</li>
 * </ul>
 * Handler calls are observed as {@code fbchat.handler} (a timer with tags {@code handler} and {@code error} where
 * Micrometer's observation handler is installed).
 */
public final class FbChatMetrics implements MeterBinder {

    private final Listener listener;

    private final @Nullable FbChatListenerLifecycle lifecycle;

    private final Map<Class<?>, Counter> received = new ConcurrentHashMap<>();

    private volatile @Nullable MeterRegistry registry;

    public FbChatMetrics(Listener listener, @Nullable FbChatListenerLifecycle lifecycle) {
        this.listener = listener;
        this.lifecycle = lifecycle;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("fbchat.listener.connected", this.listener, listening -> listening.status().connected() ? 1 : 0)
            .description("Whether the listener is connected to Messenger's MQTT service")
            .register(registry);
        Gauge.builder("fbchat.listener.last.message.age", this.listener, FbChatMetrics::lastMessageAge)
            .description("Seconds since the last MQTT message")
            .baseUnit("seconds")
            .register(registry);
        FunctionCounter.builder("fbchat.listener.reconnects", this.listener, listening -> listening.status().reconnects())
            .description("Connections reopened after one was lost")
            .register(registry);
        FunctionCounter.builder("fbchat.listener.relogins", this.listener, listening -> listening.status().renewals())
            .description("Logins made after Facebook ended the session")
            .register(registry);
        if (this.lifecycle != null) {
            Gauge.builder("fbchat.dispatch.queue", this.lifecycle, FbChatListenerLifecycle::pendingEvents)
                .description("Events waiting for or in their handlers")
                .register(registry);
        }
    }

    /** Counts a delivered event by its type. */
    @EventListener
    public void received(Event event) {
        MeterRegistry meters = this.registry;
        if (meters != null) {
            this.received.computeIfAbsent(event.getClass(), type -> Counter.builder("fbchat.events.received")
                .description("Events the listener delivered")
                .tag("type", type.getSimpleName())
                .register(meters)).increment();
        }
    }

    private static double lastMessageAge(Listener listener) {
        ListenerStatus status = listener.status();
        return status.lastMessageAt() == null ? Double.NaN
                : (Instant.now().toEpochMilli() - status.lastMessageAt().toEpochMilli()) / 1000.0;
    }
}
