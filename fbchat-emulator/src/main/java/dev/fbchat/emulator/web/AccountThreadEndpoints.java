package dev.fbchat.emulator.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.ChatThread;
import dev.fbchat.emulator.world.Folder;
import dev.fbchat.emulator.world.MuteSettings;
import dev.fbchat.emulator.world.StoredMessage;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;

/**
 * What the account does to its own view of threads: muting, reading, receipts, folders, deleting threads and
 * messages for itself, marking spam. Threads are named by protocol id (a group's id, or the other person's id).
 */
final class AccountThreadEndpoints extends ActionEndpoints {

    private static final String MUTE = "/ajax/mercury/change_mute_thread.php";

    private static final String MUTE_REACTIONS = "/ajax/mercury/change_reactions_mute_thread/";

    private static final String MUTE_MENTIONS = "/ajax/mercury/change_mentions_mute_thread/";

    private static final String SPAM = "/ajax/mercury/mark_spam.php";

    private static final String DELETE_THREADS = "/ajax/mercury/delete_thread.php";

    private static final String DELETE_MESSAGES = "/ajax/mercury/delete_messages.php";

    private static final String READ_STATUS = "/ajax/mercury/change_read_status.php";

    private static final String SEEN = "/ajax/mercury/mark_seen.php";

    private static final String DELIVERED = "/ajax/mercury/delivery_receipts.php";

    private static final String MOVE = "/ajax/mercury/move_threads.php";

    private static final String ARCHIVE = "/ajax/mercury/change_archived_status.php";

    private static final String PIN = "/ajax/mercury/change_pinned_status.php";

    AccountThreadEndpoints(World world) {
        super(world, MUTE, MUTE_REACTIONS, MUTE_MENTIONS, SPAM, DELETE_THREADS, DELETE_MESSAGES, READ_STATUS, SEEN,
                DELIVERED, MOVE, ARCHIVE, PIN);
    }

    @Override
    protected FullHttpResponse act(String path, HttpExchange exchange, Account viewer) {
        switch (path) {
            case MUTE -> mute(exchange, viewer);
            case MUTE_REACTIONS -> {
                boolean muted = flag(exchange, "reactions_mute_mode");
                this.world.accountActions().changeMute(threadOf(viewer, exchange.formField("thread_fbid")).id(),
                        viewer.id(), mute -> new MuteSettings(mute.mutedUntil(), muted, mute.mentionsMuted()));
            }
            case MUTE_MENTIONS -> {
                boolean muted = flag(exchange, "mentions_mute_mode");
                this.world.accountActions().changeMute(threadOf(viewer, exchange.formField("thread_fbid")).id(),
                        viewer.id(), mute -> new MuteSettings(mute.mutedUntil(), mute.reactionsMuted(), muted));
            }
            case SPAM -> this.world.accountActions()
                .deleteThreads(viewer.id(), List.of(threadOf(viewer, exchange.formField("id")).id()));
            case DELETE_THREADS -> this.world.accountActions().deleteThreads(viewer.id(), threads(viewer,
                    nonEmpty(numbered(exchange, "ids"))));
            case DELETE_MESSAGES -> {
                List<String> ids = nonEmpty(numbered(exchange, "message_ids"));
                if (this.world.accountActions().deleteMessages(viewer.id(), ids) == 0) {
                    throw new IllegalArgumentException("no message to delete");
                }
            }
            case READ_STATUS -> readStatus(exchange, viewer);
            case SEEN -> this.world.receiptActions().markSeen(viewer.id(), longField(exchange, "seen_timestamp"));
            case DELIVERED -> delivered(exchange, viewer);
            case MOVE -> move(exchange, viewer);
            case ARCHIVE -> {
                Map<String, String> ids = keyed(exchange, "ids");
                for (Map.Entry<String, String> id : ids.entrySet()) {
                    this.world.receiptActions().setFolder(viewer.id(), List.of(threadOf(viewer, id.getKey()).id()),
                            "true".equals(id.getValue()) ? Folder.ARCHIVED : Folder.INBOX);
                }
            }
            default -> keyed(exchange, "ids").keySet().forEach(id -> threadOf(viewer, id));
        }
        return done();
    }

    private void mute(HttpExchange exchange, Account viewer) {
        ChatThread thread = threadOf(viewer, exchange.formField("thread_fbid"));
        long seconds = longField(exchange, "mute_settings");
        if (seconds < -1) {
            throw new IllegalArgumentException("mute_settings is -1, 0 or a number of seconds");
        }
        long until = seconds == -1 ? MuteSettings.FOREVER
                : seconds == 0 ? 0 : System.currentTimeMillis() / 1000 + seconds;
        this.world.accountActions().changeMute(thread.id(), viewer.id(),
                mute -> new MuteSettings(until, mute.reactionsMuted(), mute.mentionsMuted()));
    }

    /** {@code ids[<thread>]=true|false}: read up to {@code watermarkTimestamp}, or unread again. */
    private void readStatus(HttpExchange exchange, Account viewer) {
        long at = longField(exchange, "watermarkTimestamp");
        Map<String, String> ids = keyed(exchange, "ids");
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no thread");
        }
        for (Map.Entry<String, String> id : ids.entrySet()) {
            ChatThread thread = threadOf(viewer, id.getKey());
            long mark = at;
            if ("false".equals(id.getValue())) {
                // unread: the mark goes back before the newest message of someone else
                mark = Math.min(at, this.world.messages(thread.id())
                    .stream()
                    .filter(message -> !message.authorId().equals(viewer.id()))
                    .mapToLong(StoredMessage::timestamp)
                    .max()
                    .orElse(1) - 1);
            }
            this.world.receiptActions().markRead(viewer.id(), List.of(thread.id()), mark);
        }
    }

    /** {@code message_ids[0]} and {@code thread_ids[<thread>][0]}. */
    private void delivered(HttpExchange exchange, Account viewer) {
        List<String> messageIds = nonEmpty(numbered(exchange, "message_ids"));
        String threadKey = exchange.formFields()
            .keySet()
            .stream()
            .filter(field -> field.startsWith("thread_ids[") && field.endsWith("][0]"))
            .map(field -> field.substring("thread_ids[".length(), field.length() - "][0]".length()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no thread"));
        this.world.receiptActions().markDelivered(threadOf(viewer, threadKey).id(), viewer.id(), messageIds, null);
    }

    /** {@code <folder>[i]}: {@code inbox}, {@code other} (or {@code pending}, filed as other), {@code archived}. */
    private void move(HttpExchange exchange, Account viewer) {
        boolean moved = false;
        for (Folder folder : Folder.values()) {
            List<String> ids = numbered(exchange, folder.name().toLowerCase(java.util.Locale.ROOT));
            if (!ids.isEmpty()) {
                Folder target = folder == Folder.PENDING ? Folder.OTHER : folder;
                this.world.receiptActions().setFolder(viewer.id(), threads(viewer, ids), target);
                moved = true;
            }
        }
        if (!moved) {
            throw new IllegalArgumentException("no thread to move");
        }
    }

    private List<String> threads(Account viewer, List<String> protocolIds) {
        List<String> ids = new ArrayList<>();
        protocolIds.forEach(id -> ids.add(threadOf(viewer, id).id()));
        return ids;
    }

    private static List<String> nonEmpty(List<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no id");
        }
        return ids;
    }
}
