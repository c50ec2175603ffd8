package dev.fbchat.attachment;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * An audio clip sent in a message.
 *
 * @param id its id
 * @param filename its file name
 * @param url where to play it
 * @param duration how long it plays
 * @param audioType Facebook's kind of audio (e.g. {@code VOICE_MESSAGE})
 */
public record AudioAttachment(@Nullable String id, @Nullable String filename, @Nullable String url,
        @Nullable Duration duration, @Nullable String audioType) implements Attachment {
}
