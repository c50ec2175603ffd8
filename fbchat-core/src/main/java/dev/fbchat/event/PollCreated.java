package dev.fbchat.event;

import java.time.Instant;

import dev.fbchat.poll.Poll;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/**
 * Someone created a poll.
 *
 * @param author who did it
 * @param thread where
 * @param poll the poll
 * @param at when
 */
public record PollCreated(User author, MessengerThread thread, Poll poll, Instant at) implements ThreadEvent {
}
