package dev.fbchat.spring.boot.autoconfigure.listener;

import java.util.concurrent.atomic.AtomicLong;

import dev.fbchat.event.Event;
import dev.fbchat.spring.FbChatErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link FbChatErrorHandler}: logs each failure once, at ERROR with its stack trace, naming the handler
 * and the event type (never the event's content), and counts the failures.
 */
public final class LoggingErrorHandler implements FbChatErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(LoggingErrorHandler.class);

    private final AtomicLong failures = new AtomicLong();

    @Override
    public void handleError(String handler, Event event, Throwable error) {
        this.failures.incrementAndGet();
        log.error("Handler {} failed on {}; the other handlers and the listener go on", handler,
                event.getClass().getSimpleName(), error);
    }

    /** How many failures were handled. */
    public long failures() {
        return this.failures.get();
    }
}
