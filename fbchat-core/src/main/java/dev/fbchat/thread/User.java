package dev.fbchat.thread;

import java.util.Objects;

import dev.fbchat.Session;

/**
 * A one-to-one thread with a Facebook user, and that user. Its id is the user's id.
 *
 * @param session the session that acts on it
 * @param id its id
 */
public record User(Session session, String id) implements MessengerThread {

    public User {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(id, "id");
    }
}
