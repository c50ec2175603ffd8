package dev.fbchat.spring.boot.autoconfigure.listener;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks on a pool of workers, in order for each key and in parallel across keys: the tasks of one Messenger
 * thread run one after another, those of different threads at the same time. At most {@code capacity} tasks wait or
 * run at once; {@link #dispatch} blocks the caller (the listener) while that many do, so a slow handler slows the
 * intake instead of dropping events.
 */
final class ThreadOrderedDispatcher {

    private final ExecutorService workers;

    private final Semaphore capacity;

    private final int size;

    /** The tasks waiting per key; a key is present while one of its tasks runs or waits. Guarded by itself. */
    private final Map<String, Queue<Task>> queues = new HashMap<>();

    ThreadOrderedDispatcher(ExecutorService workers, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The capacity must be positive: " + capacity);
        }
        this.workers = workers;
        this.size = capacity;
        this.capacity = new Semaphore(capacity);
    }

    /**
     * Queues a task behind the earlier ones of its key, waiting while {@code capacity} tasks are queued or running.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    void dispatch(String key, String description, Runnable task) throws InterruptedException {
        this.capacity.acquire();
        boolean start;
        synchronized (this.queues) {
            Queue<Task> queue = this.queues.get(key);
            start = queue == null;
            if (start) {
                queue = new ArrayDeque<>();
                this.queues.put(key, queue);
            }
            queue.add(new Task(description, task));
        }
        if (start) {
            try {
                this.workers.execute(() -> drain(key));
            }
            catch (RuntimeException ex) {
                // the pool no longer takes work (it is shutting down): the task is dropped with its key
                synchronized (this.queues) {
                    this.capacity.release(this.queues.remove(key).size());
                }
                throw ex;
            }
        }
    }

    /** Runs a key's tasks until its queue is empty; one worker per key at a time. */
    private void drain(String key) {
        while (true) {
            Task task;
            synchronized (this.queues) {
                Queue<Task> queue = this.queues.get(key);
                task = queue.peek();
                if (task == null) {
                    this.queues.remove(key);
                    return;
                }
            }
            try {
                task.run().run();
            }
            finally {
                synchronized (this.queues) {
                    this.queues.get(key).poll();
                }
                this.capacity.release();
            }
        }
    }

    /** How many tasks wait or run. */
    int pending() {
        return this.size - this.capacity.availablePermits();
    }

    /**
     * Takes no more tasks and waits up to {@code timeout} for those queued and running; then interrupts what still
     * runs.
     *
     * @return the descriptions of the tasks that did not finish in time, the running one of each key first (none when
     *         all did)
     */
    List<String> shutdown(Duration timeout) throws InterruptedException {
        this.workers.shutdown();
        this.workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<String> unfinished = new ArrayList<>();
        synchronized (this.queues) {
            this.queues.values().forEach(queue -> queue.forEach(task -> unfinished.add(task.description())));
        }
        this.workers.shutdownNow();
        return unfinished;
    }

    /** A task and what it is, for the shutdown log. */
    private record Task(String description, Runnable run) {
    }
}
