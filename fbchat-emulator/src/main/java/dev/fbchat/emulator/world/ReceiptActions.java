package dev.fbchat.emulator.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Read, delivery and seen marks, and folders: {@code MarkRead} to the reader's own account and
 * {@code ReadReceipt} to the others, {@code DeliveryReceipt}, {@code MarkFolderSeen},
 * {@code ThreadFolder} (docs/emulator-protocol.md, "Real-time events").
 */
public final class ReceiptActions extends ActionSupport {

    ReceiptActions(World world) {
        super(world);
    }

    /**
     * An account reads threads up to and including {@code at} (ms; {@code null}: each thread's
     * newest message). A mark that moves forward sends {@code MarkRead} (all the threads, one
     * delta) to the reader's account and {@code ReadReceipt} to the other participant accounts of
     * each thread; a lower mark makes later messages unread again and sends nothing.
     *
     * @return each thread's new watermark, in order
     * @throws IllegalArgumentException when the account does not take part in a thread
     */
    public List<Long> markRead(String accountId, List<String> threadIds, @Nullable Long at) {
        synchronized (this.world) {
            requireAccount(accountId);
            List<ChatThread> threads = new ArrayList<>();
            for (String threadId : threadIds.stream().distinct().toList()) {
                ChatThread thread = thread(threadId);
                requireParticipant(thread, accountId);
                threads.add(thread);
            }
            long now = System.currentTimeMillis();
            List<Long> watermarks = new ArrayList<>();
            List<ChatThread> advanced = new ArrayList<>();
            for (ChatThread thread : threads) {
                List<StoredMessage> history = this.world.history(thread.id());
                long watermark = at != null ? at : history.isEmpty() ? 0 : history.get(history.size() - 1).timestamp();
                ThreadState state = this.world.state(thread.id());
                long before = state.readWatermarks.getOrDefault(accountId, 0L);
                state.readWatermarks.put(accountId, watermark);
                watermarks.add(watermark);
                if (watermark >= before) {
                    advanced.add(thread);
                }
            }
            if (advanced.isEmpty()) {
                return watermarks;
            }
            long shown = at != null ? at : watermarks.stream().mapToLong(Long::longValue).max().orElse(now);
            long tq = this.world.state(advanced.get(0).id()).nextQueueSequence();
            fanOut(List.of(accountId), (receiver, sequenceId) -> {
                ObjectNode delta = EmulatorJson.MAPPER.createObjectNode();
                delta.put("actionTimestamp", Long.toString(now));
                delta.put("irisSeqId", Long.toString(sequenceId));
                delta.putArray("irisTags").add("DeltaMarkRead").add("is_from_iris_fanout");
                ArrayNode keys = delta.putArray("threadKeys");
                advanced.forEach(thread -> keys.add(DeltaShapes.threadKey(thread, receiver)));
                delta.put("tqSeqId", Long.toString(tq));
                delta.put("watermarkTimestamp", Long.toString(shown));
                delta.put("class", "MarkRead");
                return delta;
            });
            for (ChatThread thread : advanced) {
                long watermark = watermarks.get(threads.indexOf(thread));
                long threadTq = this.world.state(thread.id()).nextQueueSequence();
                fanOut(others(thread, accountId), (receiver, sequenceId) -> {
                    ObjectNode delta = EmulatorJson.MAPPER.createObjectNode();
                    delta.put("actionTimestampMs", Long.toString(now));
                    delta.put("actorFbId", accountId);
                    delta.put("irisSeqId", Long.toString(sequenceId));
                    delta.putArray("irisTags").add("DeltaReadReceipt").add("is_from_iris_fanout");
                    DeltaShapes.requestContext(delta);
                    delta.set("threadKey", DeltaShapes.threadKey(thread, receiver));
                    delta.put("tqSeqId", Long.toString(threadTq));
                    delta.put("watermarkTimestampMs", Long.toString(watermark));
                    delta.put("class", "ReadReceipt");
                    return delta;
                });
            }
            return watermarks;
        }
    }

    /**
     * An account's client got messages of others: {@code DeliveryReceipt} to the other
     * participant accounts ({@code actorFbId} in groups only; one-to-one the thread names the
     * deliverer). {@code messageIds} empty: every message of others after the account's
     * previous delivery mark. {@code at} {@code null}: the newest of those messages' times.
     *
     * @return the message ids marked delivered
     * @throws IllegalArgumentException when a message is not the thread's, or there is none to mark
     */
    public List<String> markDelivered(String threadId, String accountId, List<String> messageIds, @Nullable Long at) {
        synchronized (this.world) {
            requireAccount(accountId);
            ChatThread thread = thread(threadId);
            requireParticipant(thread, accountId);
            ThreadState state = this.world.state(thread.id());
            List<StoredMessage> history = this.world.history(thread.id());
            List<StoredMessage> delivered = new ArrayList<>();
            if (messageIds.isEmpty()) {
                long since = state.deliveredWatermarks.getOrDefault(accountId, 0L);
                history.stream()
                    .filter(message -> !message.authorId().equals(accountId) && message.timestamp() > since)
                    .forEach(delivered::add);
            }
            else {
                for (String messageId : messageIds) {
                    delivered.add(history.stream()
                        .filter(message -> message.id().equals(messageId))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "thread " + threadId + " holds no message " + messageId)));
                }
            }
            if (delivered.isEmpty()) {
                throw new IllegalArgumentException("no message of others to mark delivered in thread " + threadId);
            }
            long watermark = at != null ? at : delivered.stream().mapToLong(StoredMessage::timestamp).max().orElseThrow();
            state.deliveredWatermarks.merge(accountId, watermark, Math::max);
            List<String> ids = delivered.stream().map(StoredMessage::id).toList();
            boolean group = thread.kind() == ThreadKind.GROUP;
            fanOut(others(thread, accountId), (receiver, sequenceId) -> {
                ObjectNode delta = EmulatorJson.MAPPER.createObjectNode();
                if (group) {
                    delta.put("actorFbId", accountId);
                }
                delta.put("deliveredWatermarkTimestampMs", Long.toString(watermark));
                delta.put("irisSeqId", Long.toString(sequenceId));
                ArrayNode iris = delta.putArray("irisTags").add("DeltaDeliveryReceipt");
                if (!group) {
                    iris.add("is_from_iris_fanout");
                }
                ArrayNode list = delta.putArray("messageIds");
                ids.forEach(list::add);
                DeltaShapes.requestContext(delta);
                delta.set("threadKey", DeltaShapes.threadKey(thread, receiver));
                delta.put("class", "DeliveryReceipt");
                return delta;
            });
            return ids;
        }
    }

    /**
     * An account has seen everything up to {@code at} (ms): {@code MarkFolderSeen} of the inbox
     * to the account.
     */
    public void markSeen(String accountId, long at) {
        synchronized (this.world) {
            requireAccount(accountId);
            this.world.markSeen(accountId, at);
            fanOut(List.of(accountId), (receiver, sequenceId) -> {
                ObjectNode delta = EmulatorJson.MAPPER.createObjectNode();
                delta.put("class", "MarkFolderSeen");
                delta.putArray("folders").add(folderName(Folder.INBOX));
                delta.put("irisSeqId", Long.toString(sequenceId));
                delta.putArray("irisTags").add("DeltaMarkFolderSeen").add("is_from_iris_fanout");
                DeltaShapes.requestContext(delta);
                delta.put("timestamp", Long.toString(at));
                return delta;
            });
        }
    }

    /** Files threads for one account: a {@code ThreadFolder} delta per thread, to the account. */
    public void setFolder(String accountId, List<String> threadIds, Folder folder) {
        synchronized (this.world) {
            requireAccount(accountId);
            List<ChatThread> threads = new ArrayList<>();
            for (String threadId : threadIds) {
                ChatThread thread = thread(threadId);
                requireParticipant(thread, accountId);
                threads.add(thread);
            }
            for (ChatThread thread : threads) {
                this.world.setFolder(thread.id(), accountId, folder);
                fanOut(List.of(accountId), (receiver, sequenceId) -> {
                    ObjectNode delta = EmulatorJson.MAPPER.createObjectNode();
                    delta.put("class", "ThreadFolder");
                    delta.put("folder", folderName(folder));
                    delta.put("irisSeqId", Long.toString(sequenceId));
                    delta.putArray("irisTags").add("DeltaThreadFolder").add("is_from_iris_fanout");
                    DeltaShapes.requestContext(delta);
                    delta.set("threadKey", DeltaShapes.threadKey(thread, receiver));
                    return delta;
                });
            }
        }
    }

    /** {@code FOLDER_INBOX}, {@code FOLDER_PENDING}, ... */
    static String folderName(Folder folder) {
        return "FOLDER_" + folder.name().toUpperCase(Locale.ROOT);
    }

    private static List<String> others(ChatThread thread, String accountId) {
        return thread.participants().stream().filter(id -> !id.equals(accountId)).toList();
    }
}
