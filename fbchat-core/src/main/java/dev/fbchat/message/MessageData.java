package dev.fbchat.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.fbchat.attachment.Attachment;
import dev.fbchat.attachment.Sticker;
import dev.fbchat.thread.MessengerThread;
import org.jspecify.annotations.Nullable;

/**
 * A message with its content, as received or fetched.
 *
 * @param thread the thread the message is in
 * @param id the message's id
 * @param author the id of the person who wrote it
 * @param createdAt when it was sent
 * @param text its text, or {@code null} when it has none (a sticker, a file)
 * @param mentions the mentions in its text
 * @param emojiSize the size of a lone hot emoji, or {@code null}
 * @param isRead whether the account has read it, when known
 * @param readBy ids of the people who have read it (known for fetched messages only)
 * @param reactions reactions by person id
 * @param sticker its sticker, if it is one
 * @param attachments its attachments (entries are {@code null} where Facebook sent a kind that is not read)
 * @param quickReplies the quick replies offered with it
 * @param unsent whether it was unsent
 * @param replyToId the id of the message this one answers, or {@code null}
 * @param repliedTo the message this one answers, when fetched with it
 * @param forwarded whether it was forwarded from another thread
 */
public record MessageData(MessengerThread thread, String id, String author, Instant createdAt, @Nullable String text,
        List<Mention> mentions, @Nullable EmojiSize emojiSize, @Nullable Boolean isRead, List<String> readBy,
        Map<String, String> reactions, @Nullable Sticker sticker, List<@Nullable Attachment> attachments,
        List<QuickReply> quickReplies, boolean unsent, @Nullable String replyToId, @Nullable MessageData repliedTo,
        boolean forwarded) {

    public MessageData {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
        mentions = List.copyOf(mentions);
        readBy = List.copyOf(readBy);
        reactions = Collections.unmodifiableMap(new LinkedHashMap<>(reactions));
        attachments = Collections.unmodifiableList(new ArrayList<>(attachments));
        quickReplies = List.copyOf(quickReplies);
    }

    /** This message as a handle, to act on it. */
    public Message toMessage() {
        return new Message(this.thread, this.id);
    }

    /** Whether tags mark a message as forwarded (a tag containing {@code forward} or {@code copy}). */
    public static boolean isForwardedFromTags(@Nullable List<String> tags) {
        return tags != null && tags.stream().anyMatch(tag -> tag.contains("forward") || tag.contains("copy"));
    }
}
