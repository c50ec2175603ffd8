package dev.fbchat.thread;

import java.util.Objects;

import dev.fbchat.Session;

/**
 * A thread whose kind (user, group, page) is not known: fbchat's {@code Thread}. It can be identified, not sent to.
 *
 * @param session the session that acts on it
 * @param id its id
 */
public record UnknownThread(Session session, String id) implements MessengerThread {

    public UnknownThread {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(id, "id");
    }
}
