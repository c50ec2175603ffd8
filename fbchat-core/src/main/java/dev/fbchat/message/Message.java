package dev.fbchat.message;

import java.util.List;
import java.util.Map;
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

    /** Fetches the message's current data, with what it replies to (one request). */
    public MessageData fetch() {
        return this.thread.fetchMessage(this.id);
    }

    /** The session of the message's thread. */
    public Session session() {
        return this.thread.session();
    }

    /**
     * Like Python's {@code str.format}, with people instead of values: each field becomes the person's name and a
     * {@link Mention} of them. {@code formatMentions("Hey {!r}! My name is {}", List.of(new Target("1234", "Peter"),
     * new Target("4321", "Michael")), Map.of())} gives {@code "Hey 'Peter'! My name is Michael"} with two mentions.
     *
     * @throws IllegalArgumentException for a malformed template or a field with no argument
     */
    public static MentionFormatter.Result formatMentions(String text, List<MentionFormatter.Target> args,
            Map<String, MentionFormatter.Target> kwargs) {
        return MentionFormatter.format(text, args, kwargs);
    }
}
