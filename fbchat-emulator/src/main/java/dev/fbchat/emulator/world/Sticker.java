package dev.fbchat.emulator.world;

/**
 * A sticker sent as a message.
 *
 * @param id the sticker id
 * @param packId the id of its pack
 * @param label its label
 * @param width its width in pixels
 * @param height its height in pixels
 */
public record Sticker(String id, String packId, String label, int width, int height) {
}
