package dev.fbchat.thread;

import java.util.Objects;

import dev.fbchat.Session;

/**
 * A group thread. Its id is the group's thread id.
 *
 * @param session the session that acts on it
 * @param id its id
 */
public record Group(Session session, String id) implements MessengerThread {

    public Group {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(id, "id");
    }
}
