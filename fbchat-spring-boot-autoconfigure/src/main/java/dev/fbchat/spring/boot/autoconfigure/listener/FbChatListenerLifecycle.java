package dev.fbchat.spring.boot.autoconfigure.listener;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.fbchat.NotLoggedIn;
import dev.fbchat.event.Event;
import dev.fbchat.event.ThreadEvent;
import dev.fbchat.listen.Listener;
import dev.fbchat.spring.boot.autoconfigure.session.FbChatLoginException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link Listener} with the application: from a background thread (startup does not wait for Messenger), it
 * connects, trying again with growing delays while Facebook cannot be reached, and hands every
 * event to a pool of handler workers that publish it as an application event, in order within each Messenger thread
 * and in parallel across threads (a {@link ThreadOrderedDispatcher}; when its queue is full, the listener waits). At
 * shutdown it stops listening, lets running and queued handler calls finish within the shutdown timeout, and logs
 * those it could not finish.
 */
public final class FbChatListenerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FbChatListenerLifecycle.class);

    /** The dispatch key of events that belong to no thread (connection, presence, receipts of several threads). */
    private static final String ACCOUNT = "(account)";

    /** The longest wait between attempts to connect at startup. */
    private static final Duration MAX_CONNECT_DELAY = Duration.ofSeconds(30);

    private final Listener listener;

    private final ApplicationEventPublisher publisher;

    private final int concurrency;

    private final int queueCapacity;

    private final Duration shutdownTimeout;

    private volatile java.lang.@Nullable Thread worker;

    private volatile @Nullable ThreadOrderedDispatcher dispatcher;

    private volatile boolean stopping;

    /** Counted down by {@link #stop()}: ends a wait between connection attempts at once. */
    private volatile CountDownLatch stopSignal = new CountDownLatch(0);

    public FbChatListenerLifecycle(Listener listener, ApplicationEventPublisher publisher, int concurrency,
            int queueCapacity, Duration shutdownTimeout) {
        if (concurrency < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("fbchat.listener.concurrency and queue-capacity must be positive, not "
                    + concurrency + " and " + queueCapacity);
        }
        this.listener = listener;
        this.publisher = publisher;
        this.concurrency = concurrency;
        this.queueCapacity = queueCapacity;
        this.shutdownTimeout = shutdownTimeout;
    }

    @Override
    public void start() {
        this.stopping = false;
        this.stopSignal = new CountDownLatch(1);
        AtomicInteger workers = new AtomicInteger();
        this.dispatcher = new ThreadOrderedDispatcher(Executors.newFixedThreadPool(this.concurrency, task -> {
            java.lang.Thread thread = new java.lang.Thread(task, "fbchat-handler-" + workers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }), this.queueCapacity);
        java.lang.Thread thread = new java.lang.Thread(this::dispatchEvents, "fbchat-events");
        // Not a daemon: like a message listener container's, this thread keeps a bot's JVM running while it listens
        // (a bot has no web server to do so); stop() ends it.
        thread.setDaemon(false);
        this.worker = thread;
        thread.start();
    }

    private void dispatchEvents() {
        ThreadOrderedDispatcher events = Objects.requireNonNull(this.dispatcher);
        try {
            if (!connect()) {
                return;
            }
            for (Iterator<Event> stream = this.listener.listen().iterator(); stream.hasNext();) {
                Event event = stream.next();
                events.dispatch(key(event), describe(event), () -> publish(event));
            }
            log.debug("The Messenger listener stopped");
        }
        catch (InterruptedException ex) {
            java.lang.Thread.currentThread().interrupt();
        }
        catch (RejectedExecutionException ex) {
            log.debug("The Messenger listener stopped while handing an event over at shutdown");
        }
        catch (RuntimeException ex) {
            // For example NotLoggedIn: Facebook ended the session and logging in again failed. Its text names the reason.
            log.error("The Messenger listener stopped: {}: {}", ex.getClass().getSimpleName(), ex.getMessage());
        }
    }

    /**
     * Connects, again after 1 s, 2 s, ... up to 30 s while it fails for another reason than the session (Facebook
     * unreachable); a {@code NotLoggedIn} ends it, as does a {@link FbChatLoginException} of a session restored at
     * this first use (wrong credentials, none configured).
     *
     * @return {@code false} when the application stopped before the listener connected
     */
    private boolean connect() throws InterruptedException {
        Duration delay = Duration.ofSeconds(1);
        while (true) {
            if (this.stopping) {
                return false;
            }
            try {
                this.listener.connect();
                return true;
            }
            catch (NotLoggedIn | FbChatLoginException ex) {
                // the session is gone, or a session restored at this first use could not log in: trying again
                // would not help; the text names the property to fix
                throw ex;
            }
            catch (IllegalStateException ex) {
                if (this.stopping) {
                    // disconnected at shutdown while connecting
                    return false;
                }
                throw ex;
            }
            catch (RuntimeException ex) {
                if (this.stopping) {
                    // the application stopped while connecting (the listener's threads refuse work): not a failure
                    return false;
                }
                log.warn("Could not connect to Messenger ({}); trying again in {} s", ex.getClass().getSimpleName(),
                        delay.toSeconds());
                if (this.stopSignal.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    return false;
                }
                delay = delay.multipliedBy(2).compareTo(MAX_CONNECT_DELAY) > 0 ? MAX_CONNECT_DELAY : delay.multipliedBy(2);
            }
        }
    }

    private void publish(Event event) {
        try {
            this.publisher.publishEvent(event);
        }
        catch (RuntimeException ex) {
            // @FbChatListener handlers report their own failures; this is a plain @EventListener's
            log.error("A listener of {} failed; the other events are still handled", event.getClass().getSimpleName(),
                    ex);
        }
    }

    private static String key(Event event) {
        return event instanceof ThreadEvent threadEvent ? threadEvent.thread().id() : ACCOUNT;
    }

    private static String describe(Event event) {
        return event instanceof ThreadEvent threadEvent
                ? event.getClass().getSimpleName() + " in thread " + threadEvent.thread().id()
                : event.getClass().getSimpleName();
    }

    /** How many events wait for their handlers or are being handled. */
    public int pendingEvents() {
        ThreadOrderedDispatcher events = this.dispatcher;
        return events == null ? 0 : events.pending();
    }

    @Override
    public void stop() {
        this.stopping = true;
        this.stopSignal.countDown();
        this.listener.disconnect();
        java.lang.Thread thread = this.worker;
        ThreadOrderedDispatcher events = this.dispatcher;
        try {
            if (thread != null) {
                thread.join(this.shutdownTimeout.toMillis());
            }
            if (events != null) {
                List<String> unfinished = events.shutdown(this.shutdownTimeout);
                if (!unfinished.isEmpty()) {
                    log.warn("{} handler call(s) did not finish within fbchat.listener.shutdown-timeout ({} ms): {}",
                            unfinished.size(), this.shutdownTimeout.toMillis(), unfinished);
                }
            }
        }
        catch (InterruptedException ex) {
            java.lang.Thread.currentThread().interrupt();
        }
        this.worker = null;
        this.dispatcher = null;
    }

    @Override
    public boolean isRunning() {
        return this.worker != null;
    }
}
