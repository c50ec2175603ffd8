package dev.fbchat.message;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The size of a "hot" emoji (the thread's like/emoji sent alone). */
public enum EmojiSize {

    /** The biggest size. */
    LARGE("369239383222810"),
    /** The middle size. */
    MEDIUM("369239343222814"),
    /** The smallest size. */
    SMALL("369239263222822");

    private final String value;

    EmojiSize(String value) {
        this.value = value;
    }

    /** Facebook's id of this size. */
    public String value() {
        return this.value;
    }

    /** The size named by a {@code hot_emoji_size:<size>} tag, or {@code null} when no tag names one. */
    public static @Nullable EmojiSize fromTags(@Nullable List<String> tags) {
        if (tags == null) {
            return null;
        }
        for (String tag : tags) {
            if (tag.startsWith("hot_emoji_size:")) {
                return switch (tag.substring("hot_emoji_size:".length())) {
                    case "large", "l" -> LARGE;
                    case "medium", "m" -> MEDIUM;
                    case "small", "s" -> SMALL;
                    default -> null;
                };
            }
        }
        return null;
    }
}
