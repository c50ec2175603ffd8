package dev.fbchat;

import java.util.Objects;

import dev.fbchat.thread.Group;
import dev.fbchat.thread.User;

/**
 * The entry point to account-wide operations of a {@link Session}: fbchat's {@code Client}.
 * This release offers thread handles; fetching and searching come next.
 */
public final class Client {

    private final Session session;

    public Client(Session session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** The session this client acts with. */
    public Session session() {
        return this.session;
    }

    /** A handle to the one-to-one thread with the user {@code userId}. */
    public User user(String userId) {
        return new User(this.session, userId);
    }

    /** A handle to the group thread {@code groupId}. */
    public Group group(String groupId) {
        return new Group(this.session, groupId);
    }
}
