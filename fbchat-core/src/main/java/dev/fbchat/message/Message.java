package dev.fbchat.message;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.fbchat.Session;
import dev.fbchat.internal.Deletions;
import dev.fbchat.thread.MessengerThread;
import org.jspecify.annotations.Nullable;

/**
 * A handle to one message of a thread.
 *
 * @param thread the thread the message is in
 * @param id the message's id ({@code mid.$...})
 */
public record Message(MessengerThread thread, String id) {

    /** The reactions {@link #react} can send (fbchat's {@code SENDABLE_REACTIONS}). */
    public static final List<String> SENDABLE_REACTIONS = List.of("❤", "😍", "😆", "😮", "😢", "😠", "👍", "👎");

    public Message {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(id, "id");
    }

    /** Fetches the message's current data, with what it replies to (one request). */
    public MessageData fetch() {
        return this.thread.fetchMessage(this.id);
    }

    /** Deletes the message for the account only ({@code Client.deleteMessages} deletes several at once). */
    public void delete() {
        Deletions.messages(session().requests(), List.of(this.id));
    }

    /** Unsends the message for everyone: it must be the account's own and under 10 minutes old. */
    public void unsend() {
        session().requests().writePayload("/messaging/unsend_message/?dpr=1", Map.of("message_id", this.id));
    }

    /**
     * Reacts to the message with one of {@link #SENDABLE_REACTIONS}, or takes the account's reaction away.
     *
     * @param reaction the reaction, or {@code null} to remove it
     * @throws IllegalArgumentException for any other reaction, before any request
     * @throws dev.fbchat.GraphQLError when Facebook refuses it
     */
    public void react(@Nullable String reaction) {
        MessageRequests.react(this, reaction);
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
