package dev.fbchat.event;

import java.time.Instant;
import java.util.List;

import dev.fbchat.thread.MessengerThread;

/**
 * Threads were marked as read.
 *
 * @param author who read them
 * @param threads the threads
 * @param at when
 */
public record ThreadsRead(MessengerThread author, List<MessengerThread> threads, Instant at) implements Event {

    public ThreadsRead {
        threads = List.copyOf(threads);
    }
}
