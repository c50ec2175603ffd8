package dev.fbchat.thread;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import dev.fbchat.Session;
import dev.fbchat.attachment.Attachment;
import dev.fbchat.message.MessageData;
import dev.fbchat.message.MessageSnippet;
import org.jspecify.annotations.Nullable;

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

    /**
     * The thread's messages, newest first. Lazy: 100 messages per request, the next requested only when the stream
     * reaches it.
     *
     * @param limit how many messages at most, or {@code null} for all
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    default Stream<MessageData> fetchMessages(@Nullable Integer limit) {
        return ThreadReads.messages(this, limit);
    }

    /**
     * The images and videos sent in the thread, last sent first. Lazy, page by page.
     *
     * @param limit how many at most, or {@code null} for all
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    default Stream<Attachment> fetchImages(@Nullable Integer limit) {
        return ThreadReads.images(this, limit);
    }

    /**
     * The thread's messages that match {@code query}, last sent first. Lazy: 50 per request.
     *
     * @param limit how many at most, or {@code null} for all
     * @throws IllegalArgumentException when {@code query} is blank or {@code limit} is negative
     */
    default Stream<MessageSnippet> searchMessages(String query, @Nullable Integer limit) {
        Objects.requireNonNull(query, "query");
        if (query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank");
        }
        return ThreadReads.search(this, query, limit);
    }

    /** Fetches one message of this thread by id (one request). */
    default MessageData fetchMessage(String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        return ThreadReads.message(this, messageId);
    }
}
