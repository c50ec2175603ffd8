package dev.fbchat.attachment;

import org.jspecify.annotations.Nullable;

/**
 * An attachment of a kind this library does not model (fbchat's plain {@code Attachment}).
 *
 * @param id its id, when Facebook gave one
 */
public record UnknownAttachment(@Nullable String id) implements Attachment {
}
