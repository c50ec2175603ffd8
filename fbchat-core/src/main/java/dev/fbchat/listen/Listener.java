package dev.fbchat.listen;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.fbchat.FacebookError;
import dev.fbchat.NotLoggedIn;
import dev.fbchat.ParseError;
import dev.fbchat.Session;
import dev.fbchat.event.Connect;
import dev.fbchat.event.Disconnect;
import dev.fbchat.event.Event;
import dev.fbchat.event.EventParser;
import dev.fbchat.event.EventsDropped;
import dev.fbchat.event.LoggedOut;
import dev.fbchat.internal.Backoff;
import dev.fbchat.internal.FacebookJson;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to Messenger in real time over MQTT: fbchat's {@code Listener}, made to keep hearing.
 *
 * <pre>{@code
 * Listener listener = Listener.builder(session)
 *     .onLoggedOut(loggedOut -> Session.login(email, password, null))   // optional: log in again by itself
 *     .build();
 * listener.listen().forEach(event -> { if (event instanceof MessageEvent m) ... });
 * }</pre>
 *
 * <ul>
 * <li><b>Resync.</b> The first connection creates a sync queue after the sequence id fetched from GraphQL; every
 * reconnect asks for the deltas after the last one delivered ({@code get_diffs}), so a dropped connection loses and
 * repeats nothing. When Messenger drops the queue ({@code ERROR_QUEUE_OVERFLOW}, {@code ERROR_QUEUE_NOT_FOUND}) the
 * listener fetches a new sequence id, publishes {@link EventsDropped} and opens a new queue after that id: what happens
 * after the event is delivered.</li>
 * <li><b>Session end.</b> A connection refused as not authorized ({@code CONNACK} 5), a sync answer or an HTTP answer
 * saying "not logged in" is not retried blindly: the listener publishes {@link LoggedOut}, then logs in again with
 * its {@link SessionRenewal} and resumes where it was; without one, {@link #listen()} ends by throwing
 * {@link NotLoggedIn}.</li>
 * <li><b>Watchdog.</b> A connection on which the server has said nothing (no message, no {@code PINGRESP}) for one
 * and a half keepalive intervals is closed and opened anew: a stalled connection is noticed within two intervals.</li>
 * <li><b>Backoff.</b> Reconnects wait an exponentially growing, jittered delay: the first well under a second (by
 * default), then up to the cap. Each reconnect is logged at INFO; failed attempts at WARN with the reason, a
 * repeated reason only at its 2nd, 4th, 8th, ... time.</li>
 * </ul>
 *
 * {@link #listen()} connects on first use and blocks for each event; it ends after {@link #disconnect()}. One bad
 * payload is logged and skipped, never fatal. The connection is managed on the listener's own daemon threads.
 */
public final class Listener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Listener.class);

    /** fbchat's keepalive. */
    static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(10);

    static final Duration DEFAULT_RECONNECT_INITIAL_DELAY = Duration.ofMillis(250);

    static final Duration DEFAULT_RECONNECT_MAX_DELAY = Duration.ofSeconds(30);

    private static final Object END = new Object();

    private final Session session;

    private volatile boolean chatOn;

    private volatile boolean foreground;

    private final int keepAliveSeconds;

    private final @Nullable SessionRenewal renewal;

    /** Frames, events made by the listener, a failure and the END mark, in arrival order. */
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();

    private final AtomicBoolean started = new AtomicBoolean();

    private final AtomicBoolean stopped = new AtomicBoolean();

    /** Opens connections, reacts to their loss, runs the watchdog, renews the session: one thread, in order. */
    private final ScheduledExecutorService supervisor = daemonScheduler("fbchat-listener");

    /** Paho's keepalive pings. */
    private final ScheduledExecutorService pings = daemonScheduler("fbchat-listener-ping");

    /** Orders the frames of the current connection with the switch to the next one. */
    private final Object frameLock = new Object();

    private final Callbacks callbacks = new Callbacks();

    // Owned by the supervisor thread.

    private final Backoff backoff;

    private final FailureLog connectFailures = new FailureLog(log, "Connecting to Messenger's MQTT service");

    private final FailureLog renewFailures = new FailureLog(log, "Logging in again");

    private final FailureLog sequenceFailures = new FailureLog(log, "Fetching a new sequence id for a new sync queue");

    private boolean everConnected;

    private long downSinceNanos;

    /** The connection open or opening; written under {@link #frameLock}. */
    private volatile @Nullable MqttConnection current;

    private volatile @Nullable SyncState syncState;

    private volatile @Nullable NotLoggedIn failure;

    /** Connections reopened after one was lost. */
    private final AtomicLong reconnects = new AtomicLong();

    /** Logins made after Facebook ended the session. */
    private final AtomicLong renewals = new AtomicLong();

    /** When the last MQTT message came (epoch ms), 0 before the first. */
    private volatile long lastMessageAt;

    /**
     * A listener for {@code session} with the default keepalive and backoff and no session renewal: see
     * {@link #builder(Session)} for those.
     *
     * @param chatOn whether the account shows as active to others
     * @param foreground whether the account counts as looking at Messenger (fewer notifications)
     */
    public Listener(Session session, boolean chatOn, boolean foreground) {
        this(builder(session).chatOn(chatOn).foreground(foreground));
    }

    private Listener(Builder builder) {
        this.session = builder.session;
        this.chatOn = builder.chatOn;
        this.foreground = builder.foreground;
        this.keepAliveSeconds = (int) Math.max(1, (builder.keepAlive.toMillis() + 999) / 1000);
        this.backoff = new Backoff(builder.reconnectInitialDelay, builder.reconnectMaxDelay);
        this.renewal = builder.renewal;
    }

    /** A builder of a listener for {@code session}. */
    public static Builder builder(Session session) {
        return new Builder(session);
    }

    /**
     * The events, as they come; the first is {@link Connect}. Blocks while waiting; ends after {@link #disconnect()}.
     * Connects on the first call.
     *
     * @throws FacebookError when the sequence id cannot be fetched (for example, not logged in)
     * @throws NotLoggedIn from the stream, after a {@link LoggedOut} event, when Facebook ended the session and the
     *         listener could not log in again (no {@link SessionRenewal}, or it failed); the message names the reason
     */
    public Stream<Event> listen() {
        if (!this.stopped.get() || this.failure != null) {
            connect();
        } // else disconnected before listening: an empty stream
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
                    else if (item instanceof Failure failed) {
                        this.ended = true;
                        throw failed.error();
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

    /**
     * Connects now, if not connected yet: fetches the sequence id, then opens the MQTT connection (waiting for the
     * first attempt; failed attempts are retried in the background).
     *
     * @throws FacebookError when the sequence id cannot be fetched; a later call tries again
     * @throws NotLoggedIn when the MQTT service refuses the session and there is no {@link SessionRenewal}
     */
    public void connect() {
        if (this.stopped.get()) {
            NotLoggedIn failed = this.failure;
            if (failed != null) {
                throw failed;
            }
            throw new IllegalStateException("This listener was disconnected; create a new one");
        }
        if (!this.started.compareAndSet(false, true)) {
            return;
        }
        try {
            this.syncState = new SyncState(userId(), SequenceIdQuery.fetch(this.session));
        }
        catch (RuntimeException ex) {
            this.started.set(false); // nothing was opened: a later call may try again
            throw ex;
        }
        long tick = Math.max(50, this.keepAliveSeconds * 1000L / 8); // a stall is noticed within 1.5 + 1/8 intervals
        this.supervisor.scheduleWithFixedDelay(guarded(this::checkForStall), tick, tick, TimeUnit.MILLISECONDS);
        Future<?> first = this.supervisor.submit(guarded(this::openConnection));
        try {
            first.get(MqttConnection.CONNECT_TIMEOUT_SECONDS + 5, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            java.lang.Thread.currentThread().interrupt();
        }
        catch (ExecutionException | TimeoutException ex) {
            log.debug("The first connection attempt is still under way: {}", ex.toString());
        }
        NotLoggedIn failed = this.failure;
        if (failed != null) {
            throw failed;
        }
    }

    /** The account's user id; asking makes a session of {@link Session#onFirstUse}. */
    private String userId() {
        return this.session.requests().userId();
    }

    /** Whether the MQTT connection is up and subscribed. */
    public boolean isConnected() {
        MqttConnection connection = this.current;
        return connection != null && connection.isSubscribed();
    }

    /** How the listener is doing: connection, counters, the last message, why it stopped. */
    public ListenerStatus status() {
        NotLoggedIn failed = this.failure;
        long last = this.lastMessageAt;
        return new ListenerStatus(isConnected(), this.stopped.get(), failed == null ? null : failed.getMessage(),
                this.reconnects.get(), this.renewals.get(), last == 0 ? null : Instant.ofEpochMilli(last));
    }

    /** The session this listener uses; after a renewal it holds the new login ({@link Session#renewFrom}). */
    public Session session() {
        return this.session;
    }

    /**
     * Tells Messenger whether the account is looking at Messenger ({@code /foreground_state}), now if connected, and
     * on every later connection.
     */
    public void setForeground(boolean value) {
        this.foreground = value;
        publish("/foreground_state", FacebookJson.MAPPER.createObjectNode().put("foreground", value));
    }

    /**
     * Tells Messenger whether the account shows as active ({@code /set_client_settings}), now if connected, and on
     * every later connection.
     */
    public void setChatOn(boolean value) {
        this.chatOn = value;
        publish("/set_client_settings",
                FacebookJson.MAPPER.createObjectNode().put("make_user_available_when_in_foreground", value));
    }

    /** Closes the connection; {@link #listen()} ends after the events already received. */
    public void disconnect() {
        if (this.stopped.compareAndSet(false, true)) {
            this.supervisor.shutdownNow();
            this.pings.shutdownNow();
            closeCurrent();
            this.inbox.add(END);
        }
    }

    @Override
    public void close() {
        disconnect();
    }

    // ---- The supervisor thread ----

    private void openConnection() {
        if (this.stopped.get()) {
            return;
        }
        MqttConnection connection = null;
        try {
            connection = new MqttConnection(this.session, this.chatOn, this.foreground, this.keepAliveSeconds,
                    this.callbacks, this.pings);
            synchronized (this.frameLock) {
                if (this.stopped.get()) {
                    return;
                }
                this.current = connection;
            }
            connection.open();
        }
        catch (MqttException | RuntimeException ex) {
            if (connection != null) {
                retire(connection);
            }
            if (this.stopped.get()) {
                return;
            }
            int code = ex instanceof MqttException mqtt ? mqtt.getReasonCode() : -1;
            if (code == MqttException.REASON_CODE_NOT_AUTHORIZED || code == MqttException.REASON_CODE_FAILED_AUTHENTICATION) {
                sessionEnded("Messenger's MQTT service refused the connection as not authorized (CONNACK " + code + ")");
                return;
            }
            Duration delay = this.backoff.next();
            this.connectFailures.failed(describe(ex), delay);
            schedule(this::openConnection, delay);
            return;
        }
        if (!this.everConnected) {
            log.info("Connected to Messenger's MQTT service as user {}", userId());
        }
        else {
            this.reconnects.incrementAndGet();
            int failures = this.connectFailures.failures();
            log.info("Reconnected to Messenger's MQTT service {} after the connection was lost{}; resuming after sequence id {}",
                    format(Duration.ofNanos(System.nanoTime() - this.downSinceNanos)),
                    failures == 0 ? "" : " and " + failures + (failures == 1 ? " failed attempt" : " failed attempts"),
                    state().sequenceId());
        }
        this.everConnected = true;
        this.connectFailures.recovered();
        this.backoff.reset();
    }

    /** The connection broke: report it, and open the next one after a delay. */
    private void onLost(MqttConnection connection, String reason) {
        if (connection != this.current || this.stopped.get()) {
            return;
        }
        synchronized (this.frameLock) {
            this.current = null;
        }
        this.downSinceNanos = System.nanoTime();
        this.inbox.add(new Disconnect(reason));
        Duration delay = this.backoff.next();
        log.warn("Lost the connection to Messenger's MQTT service ({}); reconnecting in {}", reason, format(delay));
        connection.abort();
        schedule(this::openConnection, delay);
    }

    /** The watchdog: a connection on which the server said nothing for 1.5 keepalive intervals is reopened. */
    private void checkForStall() {
        MqttConnection connection = this.current;
        if (connection == null || !connection.isSubscribed()) {
            return;
        }
        long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connection.lastInboundNanos());
        if (silentMillis > this.keepAliveSeconds * 1500L) {
            onLost(connection, "the connection stalled: no PINGRESP and no message for "
                    + format(Duration.ofMillis(silentMillis)) + " (keepalive " + this.keepAliveSeconds + " s)");
        }
    }

    /** Messenger dropped the sync queue: fetch a new sequence id and open a new queue. */
    private void reopenQueue(String errorCode) {
        if (this.stopped.get()) {
            return;
        }
        long sequenceId;
        try {
            sequenceId = SequenceIdQuery.fetch(this.session);
        }
        catch (NotLoggedIn ex) {
            sessionEnded("fetching a new sequence id failed: " + ex.getMessage());
            return;
        }
        catch (FacebookError ex) {
            Duration delay = this.backoff.next();
            this.sequenceFailures.failed(describe(ex), delay);
            schedule(() -> reopenQueue(errorCode), delay);
            return;
        }
        this.sequenceFailures.recovered();
        SyncState state = state();
        log.warn("Messenger dropped the sync queue ({}): events may have been lost; opening a new queue after sequence id {}",
                errorCode, sequenceId);
        synchronized (this.frameLock) {
            state.restartAt(sequenceId);
            // Everything after this event is delivered: the new queue starts after the id just fetched.
            this.inbox.add(new EventsDropped(errorCode));
            MqttConnection connection = this.current;
            if (connection != null && connection.isSubscribed()) {
                SyncState.Publication request = state.queueRequest();
                connection.publish(request.topic(), request.bytes());
            }
            // else the next connection opens the queue
        }
    }

    /** Facebook ended the session: publish {@link LoggedOut}, then log in again or stop. */
    private void sessionEnded(String reason) {
        if (this.stopped.get()) {
            return;
        }
        MqttConnection connection = this.current;
        if (connection != null) {
            retire(connection);
        }
        this.downSinceNanos = System.nanoTime();
        LoggedOut loggedOut = new LoggedOut(reason);
        this.inbox.add(loggedOut);
        if (this.renewal == null) {
            log.warn("Messenger ended the session of user {} ({}), and the listener has no way to log in again; it stops",
                    userId(), reason);
            fail(new NotLoggedIn("Messenger ended the session: " + reason
                    + "; give the Listener a SessionRenewal (Listener.Builder#onLoggedOut) to log in again by itself"));
            return;
        }
        log.warn("Messenger ended the session of user {} ({}); logging in again", userId(), reason);
        renew(loggedOut);
    }

    private void renew(LoggedOut loggedOut) {
        if (this.stopped.get()) {
            return;
        }
        SessionRenewal hook = Objects.requireNonNull(this.renewal);
        Session renewed;
        try {
            renewed = hook.renew(loggedOut);
        }
        catch (NotLoggedIn ex) {
            log.error("Logging in again failed ({}); the listener stops", ex.getMessage());
            fail(new NotLoggedIn("Messenger ended the session (" + loggedOut.reason() + ") and logging in again failed: "
                    + ex.getMessage()));
            return;
        }
        catch (FacebookError ex) {
            Duration delay = this.backoff.next();
            this.renewFailures.failed(describe(ex), delay);
            schedule(() -> renew(loggedOut), delay);
            return;
        }
        catch (RuntimeException ex) {
            log.error("The SessionRenewal failed; the listener stops", ex);
            fail(new NotLoggedIn("Messenger ended the session (" + loggedOut.reason() + ") and logging in again failed: "
                    + ex.getClass().getSimpleName()));
            return;
        }
        try {
            this.session.renewFrom(Objects.requireNonNull(renewed, "the SessionRenewal returned null"));
        }
        catch (RuntimeException ex) {
            log.error("The SessionRenewal gave an unusable session ({}); the listener stops", ex.getMessage());
            fail(new NotLoggedIn("Messenger ended the session (" + loggedOut.reason() + ") and the renewed session is unusable: "
                    + ex.getMessage()));
            return;
        }
        this.renewFailures.recovered();
        this.renewals.incrementAndGet();
        this.backoff.reset();
        log.info("Logged in again as user {}; resuming after sequence id {}", userId(), state().sequenceId());
        openConnection();
    }

    /** Stops for good: {@link #listen()} throws {@code error} after the events received so far. */
    private void fail(NotLoggedIn error) {
        this.failure = error;
        if (this.stopped.compareAndSet(false, true)) {
            this.supervisor.shutdown();
            this.pings.shutdownNow();
            closeCurrent();
            this.inbox.add(new Failure(error));
            this.inbox.add(END);
        }
    }

    private void retire(MqttConnection connection) {
        synchronized (this.frameLock) {
            if (this.current == connection) {
                this.current = null;
            }
        }
        connection.close();
    }

    private void closeCurrent() {
        MqttConnection connection;
        synchronized (this.frameLock) {
            connection = this.current;
            this.current = null;
        }
        if (connection != null) {
            connection.close();
        }
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            this.supervisor.schedule(guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (RejectedExecutionException ex) {
            // stopped
        }
    }

    private void execute(Runnable task) {
        try {
            this.supervisor.execute(guarded(task));
        }
        catch (RejectedExecutionException ex) {
            // stopped
        }
    }

    /** A supervisor task that cannot die silently: what it did not expect is logged, and the listener goes on. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            }
            catch (RuntimeException ex) {
                log.error("Unexpected failure in the Messenger listener; it goes on", ex);
            }
        };
    }

    // ---- Any thread ----

    private void publish(String topic, tools.jackson.databind.JsonNode payload) {
        MqttConnection connection = this.current;
        if (connection != null && connection.isSubscribed()) {
            connection.publish(topic, FacebookJson.MAPPER.writeValueAsBytes(payload));
        }
    }

    private SyncState state() {
        return Objects.requireNonNull(this.syncState, "not connected");
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
            EventParser.ParsedFrame parsed = EventParser.parseFrame(this.session, frame.topic(), frame.payload());
            for (ParseError skipped : parsed.skipped()) {
                // One malformed delta costs only itself. Payloads can hold private data: log what failed, not the data.
                log.warn("Skipping an unreadable delta on {}: {}", frame.topic(), skipped.getMessage());
            }
            return parsed.events();
        }
        catch (ParseError ex) {
            // Payloads can hold private data: log what failed, not the payload.
            log.warn("Skipping an unreadable message on {}: {}", frame.topic(), ex.getMessage());
        }
        catch (RuntimeException ex) {
            log.warn("Skipping a message on {} that could not be parsed ({})", frame.topic(), ex.getClass().getName());
        }
        return List.of();
    }

    private static String describe(Throwable failure) {
        if (failure instanceof MqttException mqtt) {
            Throwable cause = mqtt.getCause();
            String text = mqtt.getMessage() + " (" + mqtt.getReasonCode() + ")";
            return cause == null ? text : text + ": " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " " + cause.getMessage());
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    /** A duration for people: {@code 0.25 s}, {@code 12 s}, {@code 3 min 5 s}. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        return seconds < 120 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    private static ScheduledExecutorService daemonScheduler(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            java.lang.Thread thread = new java.lang.Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private record Frame(String topic, byte[] payload) {
    }

    private record Failure(NotLoggedIn error) {
    }

    /** Runs on Paho's threads: only bookkeeping and hand-off. */
    private final class Callbacks implements MqttConnection.Callbacks {

        @Override
        public void subscribed(MqttConnection connection) {
            synchronized (Listener.this.frameLock) {
                if (connection != Listener.this.current) {
                    return;
                }
                Listener.this.inbox.add(new Connect());
                SyncState.Publication request = state().queueRequest();
                connection.publish(request.topic(), request.bytes());
            }
        }

        @Override
        public void frame(MqttConnection connection, String topic, byte[] payload) {
            synchronized (Listener.this.frameLock) {
                if (connection != Listener.this.current) {
                    return; // a late frame of a connection given up: the next queue request covers it
                }
                Listener.this.lastMessageAt = System.currentTimeMillis();
                if (!topic.equals("/t_ms")) {
                    Listener.this.inbox.add(new Frame(topic, payload));
                    return;
                }
                SyncState.Result result;
                try {
                    result = state().onSyncMessage(payload);
                }
                catch (RuntimeException ex) {
                    // Paho closes the connection when its callback throws: one message must not cost it
                    log.warn("Skipping a message on /t_ms whose bookkeeping could not be read ({})",
                            ex.getClass().getName());
                    return;
                }
                switch (result.kind()) {
                    case DELTAS -> {
                        byte[] fresh = result.payload();
                        if (fresh != null) {
                            Listener.this.inbox.add(new Frame(topic, fresh));
                        }
                    }
                    case QUEUE_OPENED -> {
                        // no events
                    }
                    case QUEUE_LOST -> execute(() -> reopenQueue(result.detail()));
                    case NOT_LOGGED_IN -> execute(() -> sessionEnded("Messenger's sync service answered " + result.detail()));
                    case ERROR -> log.error("Messenger's sync service answered error code {}", result.detail());
                    case UNREADABLE -> log.warn("Skipping a message on /t_ms that is {} ({} bytes)", result.detail(),
                            payload.length);
                }
            }
        }

        @Override
        public void lost(MqttConnection connection, Throwable cause) {
            execute(() -> onLost(connection, describe(cause)));
        }
    }

    /**
     * Builds a {@link Listener}: whether the account shows as active and in the foreground, the keepalive, the reconnect
     * backoff, and how to log in again when Facebook ends the session.
     */
    public static final class Builder {

        private final Session session;

        private boolean chatOn;

        private boolean foreground;

        private Duration keepAlive = DEFAULT_KEEP_ALIVE;

        private Duration reconnectInitialDelay = DEFAULT_RECONNECT_INITIAL_DELAY;

        private Duration reconnectMaxDelay = DEFAULT_RECONNECT_MAX_DELAY;

        private @Nullable SessionRenewal renewal;

        private Builder(Session session) {
            this.session = Objects.requireNonNull(session, "session");
        }

        /** Whether the account shows as active to others (default {@code false}). */
        public Builder chatOn(boolean chatOn) {
            this.chatOn = chatOn;
            return this;
        }

        /** Whether the account counts as looking at Messenger: fewer notifications (default {@code false}). */
        public Builder foreground(boolean foreground) {
            this.foreground = foreground;
            return this;
        }

        /**
         * The MQTT keepalive (default 10 s, as fbchat; whole seconds, at least 1): a quiet connection is pinged after
         * this long, and one on which the server said nothing for one and a half intervals is reopened.
         */
        public Builder keepAlive(Duration keepAlive) {
            if (keepAlive.compareTo(Duration.ofSeconds(1)) < 0 || keepAlive.compareTo(Duration.ofSeconds(65535)) > 0) {
                throw new IllegalArgumentException("The keepalive must be between 1 s and 65535 s, got " + keepAlive);
            }
            this.keepAlive = keepAlive;
            return this;
        }

        /**
         * The delays between reconnect attempts (default 250 ms, doubling up to 30 s): each delay is drawn between half
         * and all of its step, the first step being {@code initial}.
         */
        public Builder reconnectBackoff(Duration initial, Duration max) {
            new Backoff(initial, max); // validates
            this.reconnectInitialDelay = initial;
            this.reconnectMaxDelay = max;
            return this;
        }

        /** How to log in again when Facebook ends the session; without it the listener stops then. */
        public Builder onLoggedOut(@Nullable SessionRenewal renewal) {
            this.renewal = renewal;
            return this;
        }

        public Listener build() {
            return new Listener(this);
        }
    }
}
