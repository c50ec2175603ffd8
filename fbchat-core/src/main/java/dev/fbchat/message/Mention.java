package dev.fbchat.message;

import org.jspecify.annotations.Nullable;

/**
 * A mention of a person or thread inside a message's text.
 *
 * @param threadId the id of who is mentioned ({@code null} when Facebook left it out)
 * @param offset where the mention starts in the text
 * @param length how many characters it covers
 */
public record Mention(@Nullable String threadId, int offset, int length) {
}
