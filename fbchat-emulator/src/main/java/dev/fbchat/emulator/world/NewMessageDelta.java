package dev.fbchat.emulator.world;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the deltas that tell one participant about a message: {@code NewMessage}, or for a
 * reply the {@code ClientPayload} holding {@code deltaMessageReply} (Facebook sends a reply only
 * so, never as {@code NewMessage}).
 */
final class NewMessageDelta {

    private NewMessageDelta() {
    }

    /** The delta as {@code receiverId} sees it: a one-to-one thread is named by the other person. */
    static ObjectNode of(StoredMessage message, ChatThread thread, String receiverId, long sequenceId) {
        ObjectNode delta = EmulatorJson.MAPPER.createObjectNode();
        ArrayNode attachments = delta.putArray("attachments");
        message.attachments().forEach(attachment -> attachments.add(AttachmentJson.delta(attachment)));
        if (message.sticker() != null) {
            attachments.add(stickerAttachment(message.sticker()));
        }
        if (message.text() != null) {
            delta.put("body", message.text());
        }
        putMentions(delta, message);
        delta.put("irisSeqId", Long.toString(sequenceId));
        delta.putArray("irisTags").add("DeltaNewMessage");
        ObjectNode metadata = delta.putObject("messageMetadata");
        metadata.put("actorFbId", message.authorId());
        metadata.putObject("folderId").put("systemFolderId", "INBOX");
        metadata.put("messageId", message.id());
        metadata.put("offlineThreadingId", message.offlineThreadingId());
        metadata.put("skipBumpThread", false);
        metadata.put("skipSnippetUpdate", false);
        ArrayNode tags = metadata.putArray("tags").add("source:messenger:web");
        message.tags().forEach(tags::add);
        metadata.set("threadKey", DeltaShapes.threadKey(thread, receiverId));
        metadata.put("threadReadStateEffect", "KEEP_AS_IS");
        metadata.put("timestamp", Long.toString(message.timestamp()));
        delta.putObject("requestContext").putObject("apiArgs");
        delta.put("class", "NewMessage");
        return delta;
    }

    /**
     * A reply as {@code receiverId} sees it: {@code ClientPayload} of
     * {@code {"deltaMessageReply":{"message":{...},"repliedToMessage":{...},"status":0}}}, the
     * message carrying {@code messageReply.replyToMessageId.id}; ids, times and the sequence id
     * are numbers there, and files are {@code mercuryJSON} strings.
     */
    static ObjectNode reply(StoredMessage message, @Nullable StoredMessage original, ChatThread thread, String receiverId,
            long sequenceId) {
        ObjectNode reply = EmulatorJson.MAPPER.createObjectNode();
        ObjectNode inner = reply.putObject("message");
        ObjectNode metadata = inner.putObject("messageMetadata");
        metadata.set("threadKey", DeltaShapes.numericThreadKey(thread, receiverId));
        metadata.put("messageId", message.id());
        metadata.put("offlineThreadingId", message.offlineThreadingId());
        DeltaShapes.putNumber(metadata, "actorFbId", message.authorId());
        metadata.put("timestamp", message.timestamp());
        ArrayNode tags = metadata.putArray("tags").add("source:messenger:web");
        message.tags().forEach(tags::add);
        tags.add("cg-enabled").add("sent").add("inbox");
        metadata.put("threadReadStateEffect", 3);
        metadata.put("skipBumpThread", false);
        metadata.put("skipSnippetUpdate", false);
        metadata.put("unsendType", "can_unsend");
        metadata.putObject("folderId").put("systemFolderId", 0);
        if (message.text() != null) {
            inner.put("body", message.text());
        }
        putMentions(inner, message);
        replyAttachments(inner.putArray("attachments"), message);
        inner.put("irisSeqId", sequenceId);
        ObjectNode messageReply = inner.putObject("messageReply");
        messageReply.putObject("replyToMessageId").put("id", message.replyToId());
        messageReply.put("status", 0);
        DeltaShapes.requestContext(inner);
        inner.putArray("irisTags").add("DeltaNewMessage");
        if (original != null) {
            ObjectNode replied = reply.putObject("repliedToMessage");
            ObjectNode originalMetadata = replied.putObject("messageMetadata");
            originalMetadata.set("threadKey", DeltaShapes.numericThreadKey(thread, receiverId));
            originalMetadata.put("messageId", original.id());
            originalMetadata.put("offlineThreadingId", original.offlineThreadingId());
            DeltaShapes.putNumber(originalMetadata, "actorFbId", original.authorId());
            originalMetadata.put("timestamp", original.timestamp());
            ArrayNode originalTags = originalMetadata.putArray("tags").add("inbox").add("sent");
            original.tags().forEach(originalTags::add);
            originalTags.add("source:messenger:web");
            if (original.text() != null) {
                replied.put("body", original.text());
            }
            putMentions(replied, original);
            replyAttachments(replied.putArray("attachments"), original);
            DeltaShapes.requestContext(replied);
            replied.putArray("irisTags");
        }
        reply.put("status", 0);
        return DeltaShapes.clientPayload(EmulatorJson.MAPPER.createObjectNode().set("deltaMessageReply", reply));
    }

    /** A sticker in a {@code NewMessage}'s {@code attachments}: {@code mercury.sticker_attachment}. */
    private static ObjectNode stickerAttachment(Sticker sticker) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("fbid", sticker.id());
        json.put("id", sticker.id());
        json.putObject("mercury").set("sticker_attachment", AttachmentJson.sticker(sticker));
        return json;
    }

    /** The attachments of a message inside a reply: each with its GraphQL shape as the string {@code mercuryJSON}. */
    private static void replyAttachments(ArrayNode list, StoredMessage message) {
        for (Attachment attachment : message.attachments()) {
            ObjectNode json = AttachmentJson.delta(attachment);
            ObjectNode mercury = (ObjectNode) json.remove("mercury");
            json.put("mercuryJSON", DeltaShapes.json(mercury));
            list.add(json);
        }
        if (message.sticker() != null) {
            ObjectNode json = stickerAttachment(message.sticker());
            json.put("mercuryJSON", DeltaShapes.json(json.remove("mercury")));
            list.add(json);
        }
        if (message.isUnsent()) {
            ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
            ObjectNode mercury = EmulatorJson.MAPPER.createObjectNode();
            mercury.set("extensible_attachment", AttachmentJson.unsentPlaceholder(message.id()));
            json.put("mercuryJSON", DeltaShapes.json(mercury));
            list.add(json);
        }
    }

    /** Mentions as {@code "data":{"prng":"[{\"o\":offset,\"l\":length,\"i\":\"id\",\"t\":\"p\"}]"}}. */
    private static void putMentions(ObjectNode delta, StoredMessage message) {
        List<Mention> mentions = message.mentions();
        if (mentions.isEmpty()) {
            return;
        }
        ArrayNode prng = EmulatorJson.MAPPER.createArrayNode();
        for (Mention mention : mentions) {
            ObjectNode entry = prng.addObject();
            entry.put("o", mention.offset());
            entry.put("l", mention.length());
            entry.put("i", mention.id());
            entry.put("t", "p");
        }
        delta.putObject("data").put("prng", DeltaShapes.json(prng));
    }
}
