package dev.fbchat.message;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A quick reply asking for the person's location.
 *
 * @param payload the payload the page attached
 * @param externalPayload the external payload of a response
 * @param data additional data
 * @param isResponse whether this is a person's answer
 */
public record QuickReplyLocation(@Nullable JsonNode payload, @Nullable JsonNode externalPayload,
        @Nullable JsonNode data, boolean isResponse) implements QuickReply {
}
