package dev.fbchat.emulator.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.fbchat.emulator.world.Attachment;
import dev.fbchat.emulator.world.AttachmentJson;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.Mention;
import dev.fbchat.emulator.world.Sticker;
import dev.fbchat.emulator.world.StoredMessage;
import dev.fbchat.emulator.world.ThreadView;
import dev.fbchat.emulator.world.World;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Messages in Facebook's GraphQL shapes: the {@code UserMessage} node, its sticker, a thread's read receipts. */
final class MessageShapes {

    private final World world;

    MessageShapes(World world) {
        this.world = world;
    }

    /**
     * A message as the viewer of {@code view} reads it; a reply carries the message it answers
     * under {@code replied_to_message.message} (one level deep).
     */
    ObjectNode message(StoredMessage message, ThreadView view) {
        ObjectNode json = node(message, view);
        if (message.replyToId() == null) {
            json.putNull("replied_to_message");
        }
        else {
            Optional<StoredMessage> original = view.message(message.replyToId());
            ObjectNode reply = json.putObject("replied_to_message");
            if (original.isPresent()) {
                ObjectNode inner = node(original.get(), view);
                inner.putNull("replied_to_message");
                reply.set("message", inner);
            }
            else {
                reply.putNull("message");
            }
        }
        return json;
    }

    private ObjectNode node(StoredMessage message, ThreadView view) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("__typename", "UserMessage");
        json.put("message_id", message.id());
        json.put("offline_threading_id", message.offlineThreadingId());
        ObjectNode sender = json.putObject("message_sender");
        sender.put("id", message.authorId());
        sender.put("email", message.authorId() + "@facebook.com");
        json.put("ttl", 0);
        json.put("timestamp_precise", Long.toString(message.timestamp()));
        json.put("unread", view.isUnread(message));
        json.put("is_sponsored", false);
        json.putNull("ad_id");
        json.putNull("ad_client_token");
        json.putNull("commerce_message_type");
        json.putArray("customizations");
        ArrayNode tags = json.putArray("tags_list");
        tags(message, view.viewerId()).forEach(tags::add);
        json.putNull("platform_xmd_encoded");
        json.putNull("message_source_data");
        json.putNull("montage_reply_data");
        ArrayNode reactions = json.putArray("message_reactions");
        for (Map.Entry<String, String> reaction : message.reactions().entrySet()) {
            ObjectNode entry = reactions.addObject();
            entry.put("reaction", reaction.getValue());
            entry.putObject("user").put("id", reaction.getKey());
        }
        json.put("unsent_timestamp_precise", Long.toString(message.unsentAt()));
        json.put("message_unsendability_status",
                message.authorId().equals(view.viewerId()) ? "can_unsend" : "deny_for_non_sender");
        if (message.text() == null) {
            json.putNull("message");
        }
        else {
            ObjectNode body = json.putObject("message");
            body.put("text", message.text());
            ArrayNode ranges = body.putArray("ranges");
            for (Mention mention : message.mentions()) {
                ObjectNode range = ranges.addObject();
                range.put("offset", mention.offset());
                range.put("length", mention.length());
                ObjectNode entity = range.putObject("entity");
                entity.put("__typename", this.world.people().page(mention.id()).isPresent() ? "Page" : "User");
                entity.put("id", mention.id());
            }
        }
        putMedia(json, message);
        json.put("snippet", snippet(message));
        return json;
    }

    /**
     * A message's {@code extensible_attachment} (the placeholder of an unsent message, else
     * {@code null}), {@code sticker} and {@code blob_attachments}.
     */
    static void putMedia(ObjectNode json, StoredMessage message) {
        Attachment.Location location = message.attachments()
            .stream()
            .filter(Attachment.Location.class::isInstance)
            .map(Attachment.Location.class::cast)
            .findFirst()
            .orElse(null);
        if (message.isUnsent()) {
            json.set("extensible_attachment", AttachmentJson.unsentPlaceholder(message.id()));
        }
        else if (location != null) {
            json.set("extensible_attachment", AttachmentJson.location(location));
        }
        else {
            json.putNull("extensible_attachment");
        }
        ObjectNode sticker = sticker(message.sticker());
        if (sticker == null) {
            json.putNull("sticker");
        }
        else {
            json.set("sticker", sticker);
        }
        ArrayNode blobs = json.putArray("blob_attachments");
        message.attachments()
            .stream()
            .filter(attachment -> !(attachment instanceof Attachment.Location))
            .forEach(attachment -> blobs.add(AttachmentJson.blob(attachment)));
    }

    /** The message's tags as its reader sees them: its own, a source, and {@code inbox} or {@code sent}. */
    static List<String> tags(StoredMessage message, String viewerId) {
        List<String> tags = new ArrayList<>();
        if (message.tags().stream().noneMatch(tag -> tag.startsWith("source:"))) {
            tags.add("source:chat:web");
        }
        tags.addAll(message.tags());
        tags.add(message.authorId().equals(viewerId) ? "sent" : "inbox");
        if (!message.attachments().isEmpty()) {
            Attachment first = message.attachments().get(0);
            tags.add("attachment:" + (first instanceof Attachment.Image ? "photo"
                    : first instanceof Attachment.Video ? "video" : first instanceof Attachment.Audio ? "audio"
                    : first instanceof Attachment.Location ? "location" : "file"));
        }
        return tags;
    }

    /** A one-line summary: the text, or what was sent. */
    static String snippet(StoredMessage message) {
        if (message.isUnsent()) {
            return "This message was unsent.";
        }
        if (message.text() != null) {
            return message.text();
        }
        if (message.sticker() != null) {
            return "sent a sticker.";
        }
        return message.attachments().size() == 1 ? "sent an attachment." : "sent attachments.";
    }

    /** A sticker, or JSON {@code null}. */
    static @Nullable ObjectNode sticker(@Nullable Sticker sticker) {
        return sticker == null ? null : AttachmentJson.sticker(sticker);
    }

    /** The thread's read receipts: every participant account that has read, with its watermark. */
    ObjectNode readReceipts(ThreadView view) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        ArrayNode nodes = json.putArray("nodes");
        for (String participant : view.thread().participants()) {
            long watermark = view.watermark(participant);
            if (watermark > 0 && this.world.account(participant).isPresent()) {
                ObjectNode receipt = nodes.addObject();
                receipt.put("watermark", Long.toString(watermark));
                receipt.put("action", Long.toString(watermark));
                receipt.putObject("actor").put("id", participant);
            }
        }
        return json;
    }
}
