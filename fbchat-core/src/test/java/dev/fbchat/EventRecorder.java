package dev.fbchat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import dev.fbchat.event.Event;
import dev.fbchat.event.MessageEvent;
import dev.fbchat.listen.Listener;
import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/** Runs a listener's {@code listen()} on its own thread and keeps every event, and how the stream ended. */
public final class EventRecorder implements AutoCloseable {

    private final Listener listener;

    private final List<Event> events = new CopyOnWriteArrayList<>();

    private final java.lang.Thread reader;

    private volatile @Nullable RuntimeException failure;

    private volatile boolean ended;

    private EventRecorder(Listener listener) {
        this.listener = listener;
        this.reader = new java.lang.Thread(() -> {
            try {
                listener.listen().forEach(this.events::add);
            }
            catch (RuntimeException ex) {
                this.failure = ex;
            }
            finally {
                this.ended = true;
            }
        }, "test-listen");
        this.reader.setDaemon(true);
    }

    /** Starts listening (connecting first, on the calling thread). */
    public static EventRecorder start(Listener listener) {
        listener.connect();
        EventRecorder recorder = new EventRecorder(listener);
        recorder.reader.start();
        return recorder;
    }

    public List<Event> events() {
        return List.copyOf(this.events);
    }

    public <T extends Event> List<T> events(Class<T> type) {
        return this.events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The texts of the messages received so far, in order, that match. */
    public List<String> texts(Predicate<MessageEvent> which) {
        return events(MessageEvent.class).stream().filter(which).map(event -> event.message().text()).toList();
    }

    public long count(Class<? extends Event> type) {
        return this.events.stream().filter(type::isInstance).count();
    }

    /** Waits until at least {@code count} events of the type came. */
    public void awaitCount(Class<? extends Event> type, long count, Duration timeout) {
        await().atMost(timeout)
            .pollInterval(Duration.ofMillis(10))
            .alias(count + " " + type.getSimpleName() + " event(s)")
            .until(() -> count(type) >= count);
    }

    /** Waits up to 5 s for the first event of a type that matches, and returns it. */
    public <T extends Event> T next(Class<T> type, Predicate<T> which) {
        await().atMost(Duration.ofSeconds(5))
            .pollInterval(Duration.ofMillis(10))
            .alias(type.getSimpleName())
            .until(() -> events(type).stream().anyMatch(which));
        return events(type).stream().filter(which).findFirst().orElseThrow();
    }

    public @Nullable RuntimeException failure() {
        return this.failure;
    }

    public boolean ended() {
        return this.ended;
    }

    @Override
    public void close() throws InterruptedException {
        this.listener.disconnect();
        this.reader.join(10_000);
    }
}
