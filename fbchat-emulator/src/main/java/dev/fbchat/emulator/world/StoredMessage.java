package dev.fbchat.emulator.world;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A message as the emulator keeps it.
 *
 * @param id the message id ({@code mid.$...})
 * @param threadId the thread it belongs to
 * @param authorId who wrote it
 * @param text the body, or {@code null} for a message of files or a sticker alone
 * @param timestamp server time in milliseconds
 * @param offlineThreadingId the client's id for it
 * @param attachments its files
 * @param mentions the mentions in its text
 * @param reactions reactions by the reacting person's id
 * @param replyToId the id of the message it answers, or {@code null}
 * @param sticker its sticker, or {@code null}
 * @param tags Facebook's message tags, such as {@code hot_emoji_size:large}
 * @param unsentAt when its author unsent it (ms), {@code 0} while it stands
 */
public record StoredMessage(String id, String threadId, String authorId, @Nullable String text, long timestamp,
        String offlineThreadingId, List<Attachment> attachments, List<Mention> mentions, Map<String, String> reactions,
        @Nullable String replyToId, @Nullable Sticker sticker, List<String> tags, long unsentAt) {

    public StoredMessage {
        attachments = List.copyOf(attachments);
        mentions = List.copyOf(mentions);
        reactions = Collections.unmodifiableMap(new LinkedHashMap<>(reactions));
        tags = List.copyOf(tags);
    }

    /** A message of text alone. */
    public StoredMessage(String id, String threadId, String authorId, String text, long timestamp,
            String offlineThreadingId) {
        this(id, threadId, authorId, text, timestamp, offlineThreadingId, List.of(), List.of(), Map.of(), null, null,
                List.of(), 0);
    }

    /** A message of {@code content}, without reactions. */
    public static StoredMessage of(String id, String threadId, String authorId, long timestamp, String offlineThreadingId,
            MessageContent content) {
        return new StoredMessage(id, threadId, authorId, content.text(), timestamp, offlineThreadingId,
                content.attachments(), content.mentions(), Map.of(), content.replyToId(), content.sticker(),
                content.tags(), 0);
    }

    /** This message with the reactions given. */
    public StoredMessage withReactions(Map<String, String> newReactions) {
        return new StoredMessage(this.id, this.threadId, this.authorId, this.text, this.timestamp,
                this.offlineThreadingId, this.attachments, this.mentions, newReactions, this.replyToId, this.sticker,
                this.tags, this.unsentAt);
    }

    /** Whether its author unsent it: it keeps its id, time and place in the thread, and loses its content. */
    public boolean isUnsent() {
        return this.unsentAt != 0;
    }

    /** This message unsent at {@code at} (ms): no text, files, mentions, sticker or reactions any more. */
    public StoredMessage unsent(long at) {
        return new StoredMessage(this.id, this.threadId, this.authorId, null, this.timestamp, this.offlineThreadingId,
                List.of(), List.of(), Map.of(), this.replyToId, null, this.tags, at);
    }
}
