package dev.fbchat.message;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import dev.fbchat.thread.MessengerThread;
import org.jspecify.annotations.Nullable;

/**
 * A message found by a search, with the places where the query matched.
 *
 * @param thread the thread the message is in
 * @param id the message's id
 * @param author the id of its author
 * @param createdAt when it was sent
 * @param text its text ({@code null} when Facebook sent none)
 * @param matchedKeywords the matched text by its offset in {@code text}
 */
public record MessageSnippet(MessengerThread thread, String id, String author, Instant createdAt, @Nullable String text,
        Map<Integer, String> matchedKeywords) {

    public MessageSnippet {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(id, "id");
        matchedKeywords = Map.copyOf(matchedKeywords);
    }

    /** This message as a handle, to act on it. */
    public Message toMessage() {
        return new Message(this.thread, this.id);
    }
}
