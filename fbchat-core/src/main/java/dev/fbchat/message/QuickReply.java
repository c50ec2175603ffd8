package dev.fbchat.message;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A quick reply a page offers under its message, or a person's answer to one. */
public sealed interface QuickReply permits QuickReplyText, QuickReplyLocation, QuickReplyPhoneNumber, QuickReplyEmail {

    /** The payload the page attached. */
    @Nullable JsonNode payload();

    /** The external payload of a response. */
    @Nullable JsonNode externalPayload();

    /** Additional data. */
    @Nullable JsonNode data();

    /** Whether this is a person's answer rather than the page's offer. */
    boolean isResponse();
}
