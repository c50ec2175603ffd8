package dev.fbchat.emulator.world;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the {@code NewMessage} delta that tells one participant about a message. */
final class NewMessageDelta {

    private NewMessageDelta() {
    }

    /** The delta as {@code receiverId} sees it: a one-to-one thread is named by the other person. */
    static ObjectNode of(StoredMessage message, ChatThread thread, String receiverId, long sequenceId) {
        ObjectNode delta = EmulatorJson.MAPPER.createObjectNode();
        ArrayNode attachments = delta.putArray("attachments");
        message.attachments().forEach(attachment -> attachments.add(AttachmentJson.delta(attachment)));
        if (message.text() != null) {
            delta.put("body", message.text());
        }
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
        ObjectNode threadKey = metadata.putObject("threadKey");
        if (thread.kind() == ThreadKind.GROUP) {
            threadKey.put("threadFbId", thread.id());
        }
        else {
            threadKey.put("otherUserFbId", thread.otherParticipant(receiverId));
        }
        metadata.put("threadReadStateEffect", "KEEP_AS_IS");
        metadata.put("timestamp", Long.toString(message.timestamp()));
        delta.putObject("requestContext").putObject("apiArgs");
        delta.put("class", "NewMessage");
        return delta;
    }
}
