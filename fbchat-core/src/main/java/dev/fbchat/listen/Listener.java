package dev.fbchat.listen;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.fbchat.FacebookError;
import dev.fbchat.ParseError;
import dev.fbchat.Session;
import dev.fbchat.event.Connect;
import dev.fbchat.event.Disconnect;
import dev.fbchat.event.Event;
import dev.fbchat.event.EventParser;
import dev.fbchat.internal.FacebookJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Listens to Messenger in real time over MQTT: fbchat's {@code Listener}.
 *
 * <pre>{@code
 * Listener listener = new Listener(session, false, false);
 * listener.listen().forEach(event -> { if (event instanceof MessageEvent m) ... });
 * }</pre>
 *
 * {@link #listen()} connects on first use and blocks for each event; it ends after
 * {@link #disconnect()}. One bad payload is logged and skipped, never fatal.
 */
public final class Listener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Listener.class);

    private static final Object END = new Object();

    private final Session session;

    private final boolean chatOn;

    private final boolean foreground;

    /** Frames, Connect/Disconnect events and the END mark, in arrival order. */
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();

    private final AtomicBoolean started = new AtomicBoolean();

    private final AtomicBoolean stopped = new AtomicBoolean();

    private final ExecutorService recovery = Executors.newSingleThreadExecutor(runnable -> {
        java.lang.Thread thread = new java.lang.Thread(runnable, "fbchat-listener-recovery");
        thread.setDaemon(true);
        return thread;
    });

    private volatile SyncState syncState;

    private volatile MqttConnection connection;

    /**
     * A listener for {@code session}.
     *
     * @param chatOn whether the account shows as active to others
     * @param foreground whether the account counts as looking at Messenger (fewer notifications)
     */
    public Listener(Session session, boolean chatOn, boolean foreground) {
        this.session = Objects.requireNonNull(session, "session");
        this.chatOn = chatOn;
        this.foreground = foreground;
    }

    /**
     * The events, as they come; the first is {@link Connect}. Blocks while waiting; ends after
     * {@link #disconnect()}. Connects on the first call.
     *
     * @throws FacebookError when the sequence id cannot be fetched (for example, not logged in)
     */
    public Stream<Event> listen() {
        connect();
        Iterator<Event> events = new Iterator<>() {

            private Iterator<Event> batch = List.<Event>of().iterator();

            private boolean ended;

            @Override
            public boolean hasNext() {
                while (!this.batch.hasNext() && !this.ended) {
                    Object item = take();
                    if (item == END) {
                        this.ended = true;
                    }
                    else {
                        this.batch = toEvents(item).iterator();
                    }
                }
                return this.batch.hasNext();
            }

            @Override
            public Event next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return this.batch.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(events, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /** Connects now, if not connected yet: fetches the sequence id, then opens the MQTT connection. */
    public void connect() {
        if (this.stopped.get()) {
            throw new IllegalStateException("This listener was disconnected; create a new one");
        }
        if (!this.started.compareAndSet(false, true)) {
            return;
        }
        try {
            this.syncState = new SyncState(this.session.requests().userId(), SequenceIdQuery.fetch(this.session));
        }
        catch (RuntimeException ex) {
            this.started.set(false); // nothing was opened: a later call may try again
            throw ex;
        }
        this.connection = new MqttConnection(this.session, this.chatOn, this.foreground, new ConnectionCallbacks());
        this.connection.start();
        if (!this.connection.isConnected()) {
            log.warn("Messenger's MQTT service did not accept the connection yet; retrying in the background");
        }
    }

    /** Whether the MQTT connection is up. */
    public boolean isConnected() {
        MqttConnection current = this.connection;
        return current != null && current.isConnected();
    }

    /** Closes the connection; {@link #listen()} ends after the events already received. */
    public void disconnect() {
        if (this.stopped.compareAndSet(false, true)) {
            MqttConnection current = this.connection;
            if (current != null) {
                current.stop();
            }
            this.recovery.shutdownNow();
            this.inbox.add(END);
        }
    }

    @Override
    public void close() {
        disconnect();
    }

    private Object take() {
        try {
            return this.inbox.take();
        }
        catch (InterruptedException ex) {
            java.lang.Thread.currentThread().interrupt();
            return END;
        }
    }

    private List<Event> toEvents(Object item) {
        if (item instanceof Event event) {
            return List.of(event);
        }
        Frame frame = (Frame) item;
        try {
            return EventParser.parse(this.session, frame.topic(), frame.data());
        }
        catch (ParseError ex) {
            // Payloads can hold private data: log what failed, not the payload.
            log.warn("Skipping an unreadable message on {}: {}", frame.topic(), ex.getMessage());
            return List.of();
        }
    }

    private void reopenQueue() {
        try {
            this.syncState.restartAt(SequenceIdQuery.fetch(this.session));
            this.connection.publish(this.syncState.queueRequest());
        }
        catch (FacebookError ex) {
            log.error("Could not open a new sync queue: {}", ex.getMessage());
        }
    }

    private record Frame(String topic, JsonNode data) {
    }

    /** Runs on Paho's threads: only bookkeeping and hand-off. */
    private final class ConnectionCallbacks implements MqttConnection.Callbacks {

        @Override
        public SyncState.Publication connected(boolean reconnect) {
            Listener.this.inbox.add(new Connect());
            return Listener.this.syncState.queueRequest();
        }

        @Override
        public void frame(String topic, byte[] payload) {
            JsonNode data;
            try {
                data = FacebookJson.MAPPER.readTree(payload);
            }
            catch (JacksonException ex) {
                log.warn("Skipping a message on {} that is not JSON ({} bytes)", topic, payload.length);
                return;
            }
            if (topic.equals("/t_ms")) {
                switch (Listener.this.syncState.onSyncMessage(data)) {
                    case QUEUE_OPENED -> {
                        return;
                    }
                    case QUEUE_LOST -> {
                        log.error("The MQTT listener was disconnected for too long, events may have been lost");
                        Listener.this.recovery.execute(Listener.this::reopenQueue);
                        return;
                    }
                    case ERROR -> {
                        log.error("MQTT error code {} received", data.path("errorCode").asString());
                        return;
                    }
                    case DELTAS -> {
                        // handed on below
                    }
                }
            }
            Listener.this.inbox.add(new Frame(topic, data));
        }

        @Override
        public void lost(Throwable cause) {
            if (!Listener.this.stopped.get()) {
                log.warn("Lost the MQTT connection ({}); reconnecting", cause.toString());
                Listener.this.inbox.add(new Disconnect(String.valueOf(cause.getMessage())));
            }
        }
    }
}
