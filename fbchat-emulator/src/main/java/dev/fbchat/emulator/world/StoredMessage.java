package dev.fbchat.emulator.world;

/**
 * A message as the emulator keeps it.
 *
 * @param id the message id ({@code mid.$...})
 * @param threadId the thread it belongs to
 * @param authorId who wrote it
 * @param text the body
 * @param timestamp server time in milliseconds
 * @param offlineThreadingId the client's id for it
 */
public record StoredMessage(String id, String threadId, String authorId, String text, long timestamp,
        String offlineThreadingId) {
}
