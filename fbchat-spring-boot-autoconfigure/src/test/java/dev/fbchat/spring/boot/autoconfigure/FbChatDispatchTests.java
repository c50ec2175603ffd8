package dev.fbchat.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.fbchat.event.Connect;
import dev.fbchat.event.Event;
import dev.fbchat.event.MessageEvent;
import dev.fbchat.spring.FbChatErrorHandler;
import dev.fbchat.spring.FbChatListener;
import dev.fbchat.spring.boot.autoconfigure.listener.FbChatListenerLifecycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How {@code @FbChatListener} handlers are run: in order within each Messenger thread and in parallel across threads,
 * each failure (of a handler or of its condition) kept from every other handler and reported to the
 * {@link FbChatErrorHandler}, and at shutdown queued and running calls drained within the timeout, or logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class FbChatDispatchTests {

    @RegisterExtension
    static final StarterFixture starter = new StarterFixture();

    @TempDir
    Path tempDir;

    @Test
    void aThousandEventsOverTenThreadsKeepTheirOrderAndRunInParallel() {
        List<String> threads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            threads.add(starter.driver().createGroup("Order " + i, List.of(starter.emulator().bot().id(), starter.account("Alice").id())).id());
        }
        runner().withBean(Recorder.class).run(context -> {
            assertThat(context).hasNotFailed();
            Recorder recorder = context.getBean(Recorder.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> !recorder.connects.isEmpty());

            for (int n = 0; n < 100; n++) {
                for (String thread : threads) {
                    starter.driver().send(thread, starter.account("Alice").id(), Integer.toString(n));
                }
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> recorder.count.get() >= 1000);
            assertThat(recorder.count.get()).isEqualTo(1000);
            for (String thread : threads) {
                assertThat(recorder.texts.get(thread)).as("thread %s", thread)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 100).mapToObj(Integer::toString).toList());
            }
            assertThat(recorder.maxConcurrent.get()).as("handler calls at the same time").isGreaterThan(1);
            assertThat(recorder.workers).as("worker threads").hasSizeGreaterThan(1);
            assertThat(recorder.overlapsWithinAThread.get()).as("calls of one thread at the same time").isZero();
        });
    }

    @Test
    void aFailingHandlerAndABrokenConditionLeaveEveryOtherHandlerWorking() {
        String thread = starter.driver().createGroup("Failures", List.of(starter.emulator().bot().id(), starter.account("Alice").id())).id();
        runner().withBean(Recorder.class).withBean(FailingHandlers.class).withBean(CollectingErrorHandler.class)
            .run(context -> {
                assertThat(context).hasNotFailed();
                Recorder recorder = context.getBean(Recorder.class);
                CollectingErrorHandler errors = context.getBean(CollectingErrorHandler.class);
                await().atMost(Duration.ofSeconds(10)).until(() -> !recorder.connects.isEmpty());

                for (int n = 1; n <= 50; n++) {
                    starter.driver().send(thread, starter.account("Alice").id(), Integer.toString(n));
                }

                await().atMost(Duration.ofSeconds(10)).until(() -> recorder.count.get() >= 50 && errors.failures.size() >= 55);
                assertThat(recorder.texts.get(thread)).hasSize(50);
                assertThat(context.getBean(FailingHandlers.class).handled.get()).isEqualTo(45);
                assertThat(errors.failures).filteredOn(f -> f.startsWith("FailingHandlers.everyTenth ")).hasSize(5);
                assertThat(errors.failures).filteredOn(f -> f.startsWith("FailingHandlers.misspeltCondition ")).hasSize(50);
                assertThat(errors.failures).allSatisfy(f -> assertThat(f).contains("MessageEvent"));
            });
    }

    @Test
    void shutdownFinishesQueuedAndRunningHandlers() {
        String thread = starter.driver().createGroup("Drain", List.of(starter.emulator().bot().id(), starter.account("Alice").id())).id();
        runner().withBean(Recorder.class).withBean(SlowHandler.class).run(context -> {
            assertThat(context).hasNotFailed();
            Recorder recorder = context.getBean(Recorder.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> !recorder.connects.isEmpty());
            for (int n = 0; n < 100; n++) {
                starter.driver().send(thread, starter.account("Alice").id(), Integer.toString(n));
            }
            FbChatListenerLifecycle lifecycle = context.getBean(FbChatListenerLifecycle.class);
            SlowHandler handler = context.getBean(SlowHandler.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> lifecycle.pendingEvents() >= 50);

            context.close();

            assertThat(handler.handled.get()).isEqualTo(100);
        });
    }

    @Test
    void shutdownLogsTheHandlerCallsItCouldNotFinish(CapturedOutput output) {
        String thread = starter.driver().createGroup("Stuck", List.of(starter.emulator().bot().id(), starter.account("Alice").id())).id();
        runner().withPropertyValues("fbchat.listener.shutdown-timeout=300ms").withBean(Recorder.class)
            .withBean(StuckHandler.class)
            .withBean(CollectingErrorHandler.class)
            .run(context -> {
                Recorder recorder = context.getBean(Recorder.class);
                await().atMost(Duration.ofSeconds(10)).until(() -> !recorder.connects.isEmpty());
                for (int n = 0; n < 3; n++) {
                    starter.driver().send(thread, starter.account("Alice").id(), Integer.toString(n));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> recorder.count.get() == 1);

                context.close();
            });
        assertThat(output).contains("3 handler call(s) did not finish within fbchat.listener.shutdown-timeout (300 ms)")
            .contains("MessageEvent in thread " + thread);
    }

    private ApplicationContextRunner runner() {
        return starter.runner(this.tempDir.resolve("cookies.json"));
    }

    /** Records every message by thread, and how handler calls overlapped. */
    static class Recorder {

        final List<Connect> connects = new CopyOnWriteArrayList<>();

        final Map<String, List<String>> texts = new ConcurrentHashMap<>();

        final AtomicInteger count = new AtomicInteger();

        final AtomicInteger concurrent = new AtomicInteger();

        final AtomicInteger maxConcurrent = new AtomicInteger();

        final AtomicInteger overlapsWithinAThread = new AtomicInteger();

        final Set<String> busyThreads = ConcurrentHashMap.newKeySet();

        final Set<String> workers = ConcurrentHashMap.newKeySet();

        @FbChatListener
        void message(MessageEvent event) throws InterruptedException {
            String thread = event.thread().id();
            if (!this.busyThreads.add(thread)) {
                this.overlapsWithinAThread.incrementAndGet();
            }
            this.maxConcurrent.accumulateAndGet(this.concurrent.incrementAndGet(), Math::max);
            this.workers.add(java.lang.Thread.currentThread().getName());
            try {
                TimeUnit.MILLISECONDS.sleep(2);
                this.texts.computeIfAbsent(thread, id -> new CopyOnWriteArrayList<>()).add(event.message().text());
                this.count.incrementAndGet();
            }
            finally {
                this.concurrent.decrementAndGet();
                this.busyThreads.remove(thread);
            }
        }

        @EventListener
        void connected(Connect connect) {
            this.connects.add(connect);
        }
    }

    /** One handler that throws on every tenth message, one whose condition names a variable that does not exist. */
    static class FailingHandlers {

        final AtomicInteger handled = new AtomicInteger();

        @FbChatListener
        void everyTenth(MessageEvent event) {
            if (Integer.parseInt(event.message().text()) % 10 == 0) {
                throw new IllegalStateException("every tenth fails");
            }
            this.handled.incrementAndGet();
        }

        @FbChatListener(condition = "#evnt.message.text == 'never'")
        void misspeltCondition(MessageEvent event) {
            throw new AssertionError("the condition cannot be true");
        }
    }

    /** Collects failures as {@code handler event-type}. */
    static class CollectingErrorHandler implements FbChatErrorHandler {

        final List<String> failures = new CopyOnWriteArrayList<>();

        @Override
        public void handleError(String handler, Event event, Throwable error) {
            this.failures.add(handler + " " + event.getClass().getSimpleName());
        }
    }

    /** Takes 20 ms per message. */
    static class SlowHandler {

        final AtomicInteger handled = new AtomicInteger();

        @FbChatListener
        void slow(MessageEvent event) throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(20);
            this.handled.incrementAndGet();
        }
    }

    /** Never returns while the application runs (until interrupted). */
    static class StuckHandler {

        private final CountDownLatch never = new CountDownLatch(1);

        @FbChatListener
        void stuck(MessageEvent event) throws InterruptedException {
            this.never.await();
        }
    }
}
