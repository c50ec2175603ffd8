package dev.fbchat.message;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A quick reply with a text (and optionally an image).
 *
 * @param payload the payload the page attached
 * @param externalPayload the external payload of a response
 * @param data additional data
 * @param isResponse whether this is a person's answer
 * @param title its text
 * @param imageUrl its image
 */
public record QuickReplyText(@Nullable JsonNode payload, @Nullable JsonNode externalPayload, @Nullable JsonNode data,
        boolean isResponse, @Nullable String title, @Nullable String imageUrl) implements QuickReply {
}
