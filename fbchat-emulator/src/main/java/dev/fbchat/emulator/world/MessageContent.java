package dev.fbchat.emulator.world;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What someone writes into a message: text, files, mentions, a reply, a sticker, tags.
 *
 * @param text the text, or {@code null} for a message of files or a sticker alone
 * @param attachments the files
 * @param mentions the mentions in the text
 * @param replyToId the id of the message it answers, or {@code null}
 * @param sticker the sticker, or {@code null}
 * @param tags Facebook's message tags, such as {@code hot_emoji_size:large}
 */
public record MessageContent(@Nullable String text, List<Attachment> attachments, List<Mention> mentions,
        @Nullable String replyToId, @Nullable Sticker sticker, List<String> tags) {

    public MessageContent {
        attachments = List.copyOf(attachments);
        mentions = List.copyOf(mentions);
        tags = List.copyOf(tags);
    }

    /** A message of text alone. */
    public static MessageContent text(String text) {
        return new MessageContent(text, List.of(), List.of(), null, null, List.of());
    }

    /** The tag prefix of a wave: {@code lwa:wave:initiated} or {@code lwa:wave:reciprocated}. */
    public static final String WAVE_TAG = "lwa:wave:";

    /** A wave, first or back: no text, tagged {@value #WAVE_TAG}{@code initiated|reciprocated}. */
    public static MessageContent wave(boolean first) {
        return new MessageContent(null, List.of(), List.of(), null, null,
                List.of(WAVE_TAG + (first ? "initiated" : "reciprocated")));
    }

    /** Whether there is nothing to send: no text, no file, no sticker, no wave. */
    public boolean isEmpty() {
        return (this.text == null || this.text.isEmpty()) && this.attachments.isEmpty() && this.sticker == null
                && this.tags.stream().noneMatch(tag -> tag.startsWith(WAVE_TAG));
    }
}
