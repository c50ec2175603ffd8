package dev.fbchat.thread;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.fbchat.Session;

/**
 * A Messenger conversation: a {@link User} (one-to-one), a {@link Group}, a {@link Page}, or an
 * {@link UnknownThread} whose kind is not known. fbchat's {@code ThreadABC}, named so it does
 * not clash with {@link java.lang.Thread}. Handles are cheap values: a session and an id.
 */
public sealed interface MessengerThread permits User, Group, Page, UnknownThread {

    /** The session that acts on this thread. */
    Session session();

    /** The thread's id: the other person's id for a one-to-one thread, the group's id for a group. */
    String id();

    /**
     * Sends a text message to this thread.
     *
     * @return the new message's id
     * @throws IllegalArgumentException when {@code text} is empty
     */
    default String sendText(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("text must not be empty");
        }
        Map<String, String> data = new LinkedHashMap<>(SendTargets.of(this));
        data.put("action_type", "ma-type:user-generated-message");
        data.put("body", text);
        return session().requests().sendMessage(data).messageId();
    }
}
