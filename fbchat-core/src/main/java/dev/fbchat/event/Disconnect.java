package dev.fbchat.event;

/**
 * The listener lost its connection; it reconnects by itself.
 *
 * @param reason why, as far as known
 */
public record Disconnect(String reason) implements Event {
}
