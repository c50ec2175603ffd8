package dev.fbchat.event;

import java.time.Instant;
import java.util.List;

import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/**
 * People stopped being admins of a group.
 *
 * @param author who did it
 * @param thread where
 * @param removed the former admins
 * @param at when
 */
public record AdminsRemoved(User author, MessengerThread thread, List<User> removed, Instant at) implements ThreadEvent {

    public AdminsRemoved {
        removed = List.copyOf(removed);
    }
}
