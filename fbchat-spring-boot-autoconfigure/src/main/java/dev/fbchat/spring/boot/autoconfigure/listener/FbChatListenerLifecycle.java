package dev.fbchat.spring.boot.autoconfigure.listener;

import dev.fbchat.event.Event;
import dev.fbchat.listen.Listener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link Listener} with the application: connects at startup, publishes every event as
 * an application event from a background thread, disconnects at shutdown. A failure while
 * publishing one event is logged and the next event is handled.
 */
public final class FbChatListenerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FbChatListenerLifecycle.class);

    private final Listener listener;

    private final ApplicationEventPublisher publisher;

    private volatile java.lang.@Nullable Thread worker;

    public FbChatListenerLifecycle(Listener listener, ApplicationEventPublisher publisher) {
        this.listener = listener;
        this.publisher = publisher;
    }

    @Override
    public void start() {
        this.listener.connect();
        java.lang.Thread thread = new java.lang.Thread(this::publishEvents, "fbchat-listener");
        thread.setDaemon(true);
        this.worker = thread;
        thread.start();
    }

    private void publishEvents() {
        try {
            this.listener.listen().forEach(this::publish);
            log.debug("The Messenger listener stopped");
        }
        catch (RuntimeException ex) {
            // For example NotLoggedIn: Facebook ended the session and logging in again failed. Its text names the reason.
            log.error("The Messenger listener stopped: {}: {}", ex.getClass().getSimpleName(), ex.getMessage());
        }
    }

    private void publish(Event event) {
        try {
            this.publisher.publishEvent(event);
        }
        catch (RuntimeException ex) {
            log.error("A handler of {} failed; the listener goes on", event.getClass().getSimpleName(), ex);
        }
    }

    @Override
    public void stop() {
        this.listener.disconnect();
        java.lang.Thread thread = this.worker;
        if (thread != null) {
            try {
                thread.join(10_000);
            }
            catch (InterruptedException ex) {
                java.lang.Thread.currentThread().interrupt();
            }
            this.worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return this.worker != null;
    }
}
