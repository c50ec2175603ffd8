package dev.fbchat.message;

import java.util.Objects;

import dev.fbchat.Session;
import dev.fbchat.thread.MessengerThread;

/**
 * A handle to one message of a thread.
 *
 * @param thread the thread the message is in
 * @param id the message's id ({@code mid.$...})
 */
public record Message(MessengerThread thread, String id) {

    public Message {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(id, "id");
    }

    /** The session of the message's thread. */
    public Session session() {
        return this.thread.session();
    }
}
