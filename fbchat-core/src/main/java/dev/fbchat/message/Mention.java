package dev.fbchat.message;

/**
 * A mention of a person or thread inside a message's text.
 *
 * @param threadId the id of who is mentioned
 * @param offset where the mention starts in the text
 * @param length how many characters it covers
 */
public record Mention(String threadId, int offset, int length) {
}
