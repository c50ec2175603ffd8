package dev.fbchat.emulator.world;

/**
 * A mention in a message's text.
 *
 * @param id the mentioned person's id
 * @param offset where it starts in the text (UTF-16 units, as fbchat counts)
 * @param length how long it is
 */
public record Mention(String id, int offset, int length) {
}
