package dev.fbchat.thread;

import java.util.Objects;

import dev.fbchat.Session;

/**
 * A thread with a Facebook page. Its id is the page's id.
 *
 * @param session the session that acts on it
 * @param id its id
 */
public record Page(Session session, String id) implements MessengerThread {

    public Page {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(id, "id");
    }
}
