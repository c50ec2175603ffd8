package dev.fbchat.event;

import java.time.Instant;
import java.util.List;

import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/**
 * People were made admins of a group.
 *
 * @param author who did it
 * @param thread where
 * @param added the new admins
 * @param at when
 */
public record AdminsAdded(User author, MessengerThread thread, List<User> added, Instant at) implements ThreadEvent {

    public AdminsAdded {
        added = List.copyOf(added);
    }
}
