package dev.fbchat.internal.parse;

import dev.fbchat.message.QuickReply;
import dev.fbchat.message.QuickReplyEmail;
import dev.fbchat.message.QuickReplyLocation;
import dev.fbchat.message.QuickReplyPhoneNumber;
import dev.fbchat.message.QuickReplyText;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Parses the {@link QuickReply} family ({@code graphql_to_quick_reply}). */
public final class QuickReplyParser {

    private QuickReplyParser() {
    }

    /** A quick reply by its {@code content_type}. */
    public static QuickReply fromGraphql(JsonNode q, boolean isResponse) {
        JsonNode contentType = Py.get(q, "content_type");
        if (contentType == null) {
            throw new DataShapeError("A quick reply has no content_type", q);
        }
        String type = Py.str(contentType).toLowerCase(java.util.Locale.ROOT);
        JsonNode payload = Py.truthy(q, "payload") ? Py.get(q, "payload") : null;
        JsonNode data = Py.truthy(q, "data") ? Py.get(q, "data") : null;
        // fbchat keeps image_url for every kind; a location quick reply cannot take one.
        String imageUrl = Py.truthy(q, "image_url") ? Py.text(q, "image_url") : null;
        return switch (type) {
            case "text" -> new QuickReplyText(payload, null, data, isResponse, Py.text(q, "title"), imageUrl);
            case "location" -> {
                if (imageUrl != null) {
                    throw new DataShapeError("A location quick reply cannot have an image_url", q);
                }
                yield new QuickReplyLocation(payload, null, data, isResponse);
            }
            case "user_phone_number" -> new QuickReplyPhoneNumber(payload, null, data, isResponse, imageUrl);
            case "user_email" -> new QuickReplyEmail(payload, null, data, isResponse, imageUrl);
            default -> throw new DataShapeError("Unknown quick reply content_type " + type, q);
        };
    }

    /** {@code MessageData._parse_quick_replies}: the quick replies of {@code platform_xmd_encoded}. */
    public static java.util.List<QuickReply> fromPlatformXmd(@Nullable JsonNode encoded) {
        if (!Py.truthy(encoded)) {
            return java.util.List.of();
        }
        JsonNode replies = Py.get(Py.jsonText(encoded), "quick_replies");
        if (replies != null && replies.isArray()) {
            return Py.list(replies).stream().map(reply -> fromGraphql(reply, false)).toList();
        }
        if (replies != null && replies.isObject()) {
            return java.util.List.of(fromGraphql(replies, true));
        }
        return java.util.List.of();
    }
}
