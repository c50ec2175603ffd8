package dev.fbchat.internal.parse;

import java.util.List;

import dev.fbchat.message.EmojiSize;
import dev.fbchat.message.MessageData;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a message's tags, as Facebook sent them, say: its emoji size ({@code EmojiSize._from_tags}) and whether it was
 * forwarded ({@code MessageData._get_forwarded_from_tags}). Tags are a list of texts; for any other value these read it
 * as Python does (the keys of an object, the characters of a text) and fail where Python fails (a tag that is not a
 * text, a number for the tags). For a list of texts they agree with {@link EmojiSize#fromTags} and
 * {@link MessageData#isForwardedFromTags}.
 */
public final class MessageTags {

    private static final String EMOJI_SIZE_TAG = "hot_emoji_size:";

    private MessageTags() {
    }

    /** The size of the first {@code hot_emoji_size:} tag, {@code null} for none or an unknown size. */
    public static @Nullable EmojiSize emojiSize(@Nullable JsonNode tags) {
        for (JsonNode tag : Py.iterateOrEmpty(tags)) {
            if (!tag.isString()) {
                throw new DataShapeError("A tag is not a text: " + tag, tags);
            }
            if (tag.stringValue().startsWith(EMOJI_SIZE_TAG)) {
                // the first such tag decides, even when its size is unknown
                return EmojiSize.fromTags(List.of(tag.stringValue()));
            }
        }
        return null;
    }

    /** Whether a tag holds {@code forward} or {@code copy}; no tags ({@code null}) is not forwarded. */
    public static boolean forwarded(@Nullable JsonNode tags) {
        if (tags == null) {
            return false;
        }
        for (JsonNode tag : Py.iterate(tags)) {
            if (Py.contains(tag, "forward") || Py.contains(tag, "copy")) {
                return true;
            }
        }
        return false;
    }
}
