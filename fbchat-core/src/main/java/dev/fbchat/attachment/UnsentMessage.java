package dev.fbchat.attachment;

import org.jspecify.annotations.Nullable;

/**
 * The placeholder left where a message was unsent (removed for everyone).
 *
 * @param id its id
 */
public record UnsentMessage(@Nullable String id) implements Attachment {
}
