package dev.fbchat.event;

import java.time.Instant;
import java.util.List;

import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/**
 * People were added to a group.
 *
 * @param author who did it
 * @param thread where
 * @param added who was added
 * @param at when
 */
public record PeopleAdded(User author, MessengerThread thread, List<User> added, Instant at) implements ThreadEvent {

    public PeopleAdded {
        added = List.copyOf(added);
    }
}
