package dev.fbchat.internal.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fbchat.attachment.Attachment;
import dev.fbchat.attachment.Sticker;
import dev.fbchat.attachment.UnsentMessage;
import dev.fbchat.message.EmojiSize;
import dev.fbchat.message.Mention;
import dev.fbchat.message.MessageData;
import dev.fbchat.message.MessageSnippet;
import dev.fbchat.message.QuickReply;
import dev.fbchat.thread.MessengerThread;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Parses {@link MessageData} from its three shapes (GraphQL, MQTT pull delta, reply delta), extensible attachments and
 * {@link MessageSnippet}s ({@code fbchat._models._message}).
 */
public final class MessageParser {

    private static final Logger log = LoggerFactory.getLogger(MessageParser.class);

    private MessageParser() {
    }

    /** {@code MessageData._from_graphql}: a fetched message; read receipts decide {@code readBy}. */
    public static MessageData fromGraphql(MessengerThread thread, JsonNode data, @Nullable JsonNode readReceipts) {
        JsonNode sender = Py.get(data, "message_sender");
        JsonNode message = Py.get(data, "message");
        JsonNode tags = Py.get(data, "tags_list");
        Instant createdAt = Py.millisToDatetime(numberNode(Py.toInt(Py.get(data, "timestamp_precise"))));
        List<@Nullable Attachment> attachments = new ArrayList<>();
        for (JsonNode blob : Py.iterateOrEmpty(Py.get(data, "blob_attachments"))) {
            attachments.add(FileAttachmentParser.fromGraphql(blob, null));
        }
        boolean unsent = false;
        JsonNode extensible = Py.get(data, "extensible_attachment");
        if (extensible != null) {
            Attachment attachment = extensible(extensible);
            if (attachment instanceof UnsentMessage) {
                unsent = true;
            }
            else if (attachment != null) {
                attachments.add(attachment);
            }
        }
        MessageData repliedTo = null;
        JsonNode replied = Py.get(data, "replied_to_message");
        if (Py.truthy(replied) && Py.truthy(Py.req(replied, "message"))) {
            repliedTo = fromGraphql(thread, Py.get(replied, "message"), null);
        }
        List<Mention> mentions = new ArrayList<>();
        for (JsonNode range : Py.iterateOrEmpty(message == null ? null : Py.get(message, "ranges"))) {
            mentions.add(MentionParser.fromRange(range));
        }
        List<String> readBy = new ArrayList<>();
        for (JsonNode receipt : Py.iterateOrEmpty(readReceipts)) {
            Instant watermark = Py.millisToDatetime(numberNode(Py.toInt(Py.req(receipt, "watermark"))));
            if (!watermark.isBefore(createdAt)) {
                readBy.add(Py.str(Py.req(Py.nonNull(receipt, "actor"), "id")));
            }
        }
        Map<String, String> reactions = new LinkedHashMap<>();
        for (JsonNode reaction : Py.iterate(Py.req(data, "message_reactions"))) {
            reactions.put(Py.str(Py.req(Py.nonNull(reaction, "user"), "id")), Py.strOrNull(Py.req(reaction, "reaction")));
        }
        JsonNode unread = Py.get(data, "unread");
        return new MessageData(thread, Py.str(Py.req(data, "message_id")),
                Py.str(Py.req(sender == null ? emptyObject() : sender, "id")), createdAt,
                message == null ? null : Py.text(message, "text"), mentions, MessageTags.emojiSize(tags),
                unread == null ? null : !Py.truthy(unread), readBy, reactions,
                StickerParser.fromGraphql(Py.get(data, "sticker")), attachments,
                QuickReplyParser.fromPlatformXmd(Py.get(data, "platform_xmd_encoded")), unsent,
                repliedTo == null ? null : repliedTo.id(), repliedTo, MessageTags.forwarded(tags));
    }

    /** {@code MessageData._from_reply}: the message inside a {@code ClientPayload} reply delta. */
    public static MessageData fromReply(MessengerThread thread, JsonNode data) {
        JsonNode tags = Py.get(Py.nonNull(data, "messageMetadata"), "tags");
        JsonNode metadata = Py.get(data, "messageMetadata");
        List<@Nullable Attachment> attachments = new ArrayList<>();
        boolean unsent = false;
        Sticker sticker = null;
        for (JsonNode item : Py.iterateOrEmpty(Py.get(data, "attachments"))) {
            JsonNode attachment = Py.jsonText(Py.req(item, "mercuryJSON"));
            if (Py.truthy(attachment, "blob_attachment")) {
                attachments.add(FileAttachmentParser.fromGraphql(Py.get(attachment, "blob_attachment"), null));
            }
            if (Py.truthy(attachment, "extensible_attachment")) {
                Attachment extensible = extensible(Py.get(attachment, "extensible_attachment"));
                if (extensible instanceof UnsentMessage) {
                    unsent = true;
                }
                else {
                    attachments.add(extensible);
                }
            }
            if (Py.truthy(attachment, "sticker_attachment")) {
                sticker = StickerParser.fromGraphql(Py.get(attachment, "sticker_attachment"));
            }
        }
        // read in fbchat's order, so that of several faults the same one is raised
        String id = Py.str(Py.get(metadata, "messageId"));
        String author = Py.str(Py.req(metadata, "actorFbId"));
        Instant createdAt = Py.millisToDatetime(Py.req(metadata, "timestamp"));
        @Nullable String body = Py.text(data, "body");
        List<Mention> mentions = MentionParser.fromPrngText(prngOf(data));
        List<QuickReply> quickReplies = QuickReplyParser.fromPlatformXmd(Py.get(data, "platform_xmd_encoded"));
        @Nullable String replyToId = Py.has(data, "messageReply")
                ? Py.strOrNull(Py.req(Py.nonNull(Py.nonNull(data, "messageReply"), "replyToMessageId"), "id")) : null;
        return new MessageData(thread, id, author, createdAt, body, mentions, MessageTags.emojiSize(tags), null,
                List.of(), Map.of(), sticker, attachments, quickReplies, unsent, replyToId, null,
                MessageTags.forwarded(tags));
    }

    /**
     * {@code MessageData._from_pull}: the message of a {@code NewMessage} delta. Unreadable mentions or attachments
     * are logged and left out (the attachments read before the failure are kept), as fbchat does.
     */
    public static MessageData fromPull(MessengerThread thread, JsonNode data, String author, Instant createdAt) {
        JsonNode metadata = Py.req(data, "messageMetadata");
        JsonNode tags = Py.get(metadata, "tags");
        List<Mention> mentions = List.of();
        JsonNode extra = Py.get(data, "data");
        if (Py.truthy(extra) && Py.truthy(extra, "prng")) {
            JsonNode prng = Py.get(extra, "prng");
            // json.loads of anything but a text is a TypeError, logged and ignored as any unreadable mentions
            mentions = pullMentions(prng.isString() ? prng.stringValue() : null);
        }
        PullAttachments attachments = pullAttachments(Py.get(data, "attachments"));
        return pulled(thread, Py.str(Py.req(metadata, "messageId")), author, createdAt, Py.text(data, "body"),
                MessageTags.emojiSize(tags), MessageTags.forwarded(tags), mentions, attachments);
    }

    /** The message of a {@code NewMessage} delta from its parts, read by {@link #fromPull} or token by token. */
    static MessageData pulled(MessengerThread thread, String id, String author, Instant createdAt,
            @Nullable String body, @Nullable EmojiSize emojiSize, boolean forwarded, List<Mention> mentions,
            PullAttachments attachments) {
        return new MessageData(thread, id, author, createdAt, body, mentions, emojiSize, null,
                List.of(), Map.of(), attachments.sticker(), attachments.attachments(), List.of(), attachments.unsent(),
                null, null, forwarded);
    }

    /**
     * The mentions of a {@code NewMessage} delta's {@code prng} text; unreadable ones, or a {@code prng} that is not a
     * text ({@code null}), are logged and left out.
     */
    static List<Mention> pullMentions(@Nullable String prng) {
        if (prng == null) {
            log.warn("Ignoring the mentions of a message, which are not a JSON text");
            return List.of();
        }
        try {
            return MentionParser.fromPrngText(prng);
        }
        catch (RuntimeException ex) {
            log.warn("Ignoring the unreadable mentions of a message ({})", ex.getClass().getSimpleName());
            return List.of();
        }
    }

    /**
     * The attachments of a {@code NewMessage} delta ({@code null} or falsy for none); reading stops at the first
     * unreadable one, which is logged.
     */
    static PullAttachments pullAttachments(@Nullable JsonNode items) {
        List<@Nullable Attachment> attachments = new ArrayList<>();
        boolean unsent = false;
        Sticker sticker = null;
        try {
            for (JsonNode item : Py.iterateOrEmpty(items)) {
                JsonNode mercury = Py.req(item, "mercury");
                if (Py.truthy(mercury, "blob_attachment")) {
                    JsonNode blob = Py.get(mercury, "blob_attachment");
                    Py.req(blob, "__typename");
                    attachments.add(FileAttachmentParser.fromGraphql(blob, Py.get(item, "fileSize")));
                }
                else if (Py.truthy(mercury, "sticker_attachment")) {
                    sticker = StickerParser.fromGraphql(Py.get(mercury, "sticker_attachment"));
                }
                else if (Py.truthy(mercury, "extensible_attachment")) {
                    Attachment attachment = extensible(Py.get(mercury, "extensible_attachment"));
                    if (attachment instanceof UnsentMessage) {
                        unsent = true;
                    }
                    else if (attachment != null) {
                        attachments.add(attachment);
                    }
                }
            }
        }
        catch (RuntimeException ex) {
            log.warn("Ignoring the unreadable attachments of a message ({})", ex.getClass().getSimpleName());
        }
        return new PullAttachments(attachments, sticker, unsent);
    }

    /**
     * What the attachments of a {@code NewMessage} delta give.
     *
     * @param attachments the files and shares, in order
     * @param sticker the sticker, if one was sent
     * @param unsent whether the message was unsent
     */
    record PullAttachments(List<@Nullable Attachment> attachments, @Nullable Sticker sticker, boolean unsent) {

        /** No attachments. */
        static final PullAttachments NONE = new PullAttachments(List.of(), null, false);
    }

    /** {@code graphql_to_extensible_attachment}: a share, location, live location or unsent placeholder. */
    public static @Nullable Attachment extensible(JsonNode data) {
        JsonNode story = Py.get(data, "story_attachment");
        if (!Py.truthy(story)) {
            return null;
        }
        JsonNode target = Py.get(story, "target");
        if (!Py.truthy(target)) {
            return new UnsentMessage(Py.text(data, "legacy_attachment_id"));
        }
        return switch (Py.str(Py.req(target, "__typename"))) {
            case "MessageLocation" -> LocationParser.location(story);
            case "MessageLiveLocation" -> LocationParser.liveLocation(story);
            case "ExternalUrl", "Story" -> ShareAttachmentParser.fromGraphql(story);
            default -> null;
        };
    }

    /** {@code MessageSnippet._parse}: one hit of a message search. */
    public static MessageSnippet snippet(MessengerThread thread, JsonNode data) {
        Map<Integer, String> matched = new LinkedHashMap<>();
        JsonNode keywords = Py.nonNull(data, "matched_keywords");
        if (!keywords.isObject()) {
            throw new DataShapeError("Expected an object of matched keywords", data);
        }
        for (Map.Entry<String, JsonNode> entry : keywords.properties()) {
            matched.put(Py.toIntValue(tools.jackson.databind.node.StringNode.valueOf(entry.getKey())),
                    Py.strOrNull(entry.getValue()));
        }
        return new MessageSnippet(thread, Py.str(Py.req(data, "message_id")),
                rstrip(Py.str(Py.req(data, "author")), "fbid:"), Py.millisToDatetime(Py.req(data, "timestamp")),
                Py.strOrNull(Py.req(data, "body")), matched);
    }

    /** {@code data.get("data", {}).get("prng", "[]")}. */
    private static String prngOf(JsonNode data) {
        JsonNode extra = Py.has(data, "data") ? Py.req(data, "data") : emptyObject();
        if (!Py.has(extra, "prng")) {
            return "[]";
        }
        JsonNode prng = Py.req(extra, "prng");
        if (!prng.isString()) {
            throw new DataShapeError("Expected the mentions as JSON text", data);
        }
        return prng.stringValue();
    }

    /** Python's {@code text.rstrip(chars)}: drops trailing characters that are in {@code chars}. */
    private static String rstrip(String text, String chars) {
        int end = text.length();
        while (end > 0 && chars.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end);
    }

    private static JsonNode numberNode(long value) {
        return tools.jackson.databind.node.LongNode.valueOf(value);
    }

    private static JsonNode emptyObject() {
        return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
}
