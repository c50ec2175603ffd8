package dev.fbchat.emulator.world;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One thread as one participant sees it at one moment: an immutable snapshot taken under the
 * {@link World}'s lock, so that messages, read state and settings agree with each other.
 *
 * @param thread the thread
 * @param viewerId the participant looking
 * @param settings the thread's settings
 * @param folder where the viewer has it filed
 * @param createdAt when the thread began, in ms
 * @param messages its messages, oldest first
 * @param readWatermarks every participant's read watermark (ms; read up to and including it)
 * @param seenAt the viewer's seen mark (ms): messages after it are unseen
 * @param plans the thread's plans
 * @param call the call going on, or {@code null}
 */
public record ThreadView(ChatThread thread, String viewerId, ThreadSettings settings, Folder folder, long createdAt,
        List<StoredMessage> messages, Map<String, Long> readWatermarks, long seenAt, List<Plan> plans,
        @Nullable OngoingCall call) {

    public ThreadView {
        messages = List.copyOf(messages);
        readWatermarks = Map.copyOf(readWatermarks);
        plans = List.copyOf(plans);
    }

    /** Whether it is a group. */
    public boolean isGroup() {
        return this.thread.kind() == ThreadKind.GROUP;
    }

    /** The thread's id on the protocol: a group's id, or the other person's (or page's) id. */
    public String protocolId() {
        return isGroup() ? this.thread.id() : this.thread.otherParticipant(this.viewerId);
    }

    /** The time of the newest message, or when the thread began. */
    public long updatedAt() {
        return lastMessage().map(StoredMessage::timestamp).orElse(this.createdAt);
    }

    /** The newest message. */
    public Optional<StoredMessage> lastMessage() {
        return this.messages.isEmpty() ? Optional.empty() : Optional.of(this.messages.get(this.messages.size() - 1));
    }

    /** A message of the thread by id. */
    public Optional<StoredMessage> message(String messageId) {
        return this.messages.stream().filter(message -> message.id().equals(messageId)).findFirst();
    }

    /** A participant's read watermark, 0 when they never read. */
    public long watermark(String accountId) {
        return this.readWatermarks.getOrDefault(accountId, 0L);
    }

    /** Whether the viewer has not read this message (someone else's, newer than the viewer's watermark). */
    public boolean isUnread(StoredMessage message) {
        return !message.authorId().equals(this.viewerId) && message.timestamp() > watermark(this.viewerId);
    }

    /** How many messages the viewer has not read. */
    public int unreadCount() {
        return (int) this.messages.stream().filter(this::isUnread).count();
    }

    /** Whether the viewer has not seen some message (unread, and newer than the seen mark). */
    public boolean isUnseen() {
        return this.messages.stream().anyMatch(message -> isUnread(message) && message.timestamp() > this.seenAt);
    }
}
