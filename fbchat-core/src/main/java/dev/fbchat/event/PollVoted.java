package dev.fbchat.event;

import java.time.Instant;
import java.util.List;

import dev.fbchat.poll.Poll;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/**
 * Someone voted in a poll.
 *
 * @param author who did it
 * @param thread where
 * @param poll the poll
 * @param addedIds the options voted for
 * @param removedIds the options no longer voted for
 * @param at when
 */
public record PollVoted(User author, MessengerThread thread, Poll poll, List<String> addedIds,
        List<String> removedIds, Instant at) implements ThreadEvent {

    public PollVoted {
        addedIds = List.copyOf(addedIds);
        removedIds = List.copyOf(removedIds);
    }
}
