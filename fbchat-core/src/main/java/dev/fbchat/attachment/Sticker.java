package dev.fbchat.attachment;

import org.jspecify.annotations.Nullable;

/**
 * A sticker sent in a message. An animated sticker is a sprite map of frames.
 *
 * @param id its id
 * @param pack its sticker pack's id
 * @param isAnimated whether it is animated
 * @param mediumSpriteImage URL of the medium sprite map (animated only)
 * @param largeSpriteImage URL of the large sprite map (animated only)
 * @param framesPerRow frames per row of the sprite map
 * @param framesPerCol frames per column of the sprite map
 * @param frameCount how many frames
 * @param frameRate the frame rate it plays at
 * @param image its picture
 * @param label its name
 */
public record Sticker(@Nullable String id, @Nullable String pack, boolean isAnimated,
        @Nullable String mediumSpriteImage, @Nullable String largeSpriteImage, @Nullable Integer framesPerRow,
        @Nullable Integer framesPerCol, @Nullable Integer frameCount, @Nullable Integer frameRate,
        @Nullable Image image, @Nullable String label) implements Attachment {
}
