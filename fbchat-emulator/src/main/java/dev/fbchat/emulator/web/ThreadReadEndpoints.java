package dev.fbchat.emulator.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.Attachment;
import dev.fbchat.emulator.world.AttachmentJson;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.Folder;
import dev.fbchat.emulator.world.StoredMessage;
import dev.fbchat.emulator.world.ThreadView;
import dev.fbchat.emulator.world.World;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GraphQL documents that read threads and messages: the thread list (and the sync
 * sequence id), a thread's info, its messages, its shared media, and one message.
 */
final class ThreadReadEndpoints implements GraphqlDocuments {

    /** The thread list; with {@code includeSeqID} also the account's last sync sequence id. */
    static final String THREAD_LIST_DOC = "1349387578499440";

    /** One thread by id (fbchat's {@code fetch_thread_info}), optionally with messages. */
    static final String THREAD_INFO_DOC = "2147762685294928";

    /** A thread's messages (fbchat's {@code fetch_messages}), with read receipts. */
    static final String MESSAGES_DOC = "1860982147341344";

    /** A thread's images and videos (fbchat's {@code fetch_images}), by {@code query_id}. */
    static final String SHARED_MEDIA_QUERY = "515216185516880";

    /** One message (fbchat's {@code Message.fetch}). */
    static final String MESSAGE_DOC = "1768656253222505";

    private static final String CURSOR_PREFIX = "media:";

    private final World world;

    private final ThreadShapes threads;

    private final MessageShapes messages;

    ThreadReadEndpoints(World world) {
        this.world = world;
        this.threads = new ThreadShapes(world);
        this.messages = new MessageShapes(world);
    }

    @Override
    public Map<String, Resolver> graphqlDocuments() {
        return Map.of(THREAD_LIST_DOC, this::threadList,
                THREAD_INFO_DOC, (viewer, params) -> thread(viewer, params, false),
                MESSAGES_DOC, (viewer, params) -> thread(viewer, params, true),
                SHARED_MEDIA_QUERY, this::sharedMedia,
                MESSAGE_DOC, this::message);
    }

    /**
     * {@code viewer.message_threads}: the threads filed under {@code tags}, most recently active
     * first, at most {@code limit}, those active at or before {@code before} (ms) when given.
     */
    private JsonNode threadList(Account viewer, JsonNode params) {
        int limit = GraphqlParams.count(params, "limit", 20);
        Long before = GraphqlParams.number(params, "before");
        Set<Folder> folders = folders(params.path("tags"));
        List<ThreadView> filed = this.world.threadViews(viewer.id())
            .stream()
            .filter(view -> folders.contains(view.folder()))
            .sorted(Comparator.comparingLong(ThreadView::updatedAt).reversed()
                .thenComparing(view -> view.thread().id()))
            .toList();
        List<ThreadView> eligible = filed.stream().filter(view -> before == null || view.updatedAt() <= before).toList();
        ObjectNode data = EmulatorJson.MAPPER.createObjectNode();
        ObjectNode threadList = data.putObject("viewer").putObject("message_threads");
        if (GraphqlParams.flag(params, "includeSeqID", false)) {
            threadList.put("sync_sequence_id", Long.toString(this.world.deltaLog(viewer.id()).lastSequenceId()));
        }
        threadList.put("unread_count", filed.stream().filter(view -> view.unreadCount() > 0).count());
        threadList.put("unseen_count", filed.stream().filter(ThreadView::isUnseen).count());
        ArrayNode nodes = threadList.putArray("nodes");
        eligible.stream().limit(limit).forEach(view -> nodes.add(this.threads.thread(view)));
        threadList.putObject("page_info").put("has_next_page", eligible.size() > limit);
        return data;
    }

    private static Set<Folder> folders(JsonNode tags) {
        List<String> names = new ArrayList<>();
        if (tags.isArray()) {
            tags.forEach(tag -> names.add(tag.asString("")));
        }
        else if (tags.isString()) {
            names.add(tags.asString());
        }
        else {
            names.add(Folder.INBOX.name());
        }
        Set<Folder> folders = new LinkedHashSet<>();
        for (String name : names) {
            for (Folder folder : Folder.values()) {
                if (folder.name().equals(name.toUpperCase(Locale.ROOT))) {
                    folders.add(folder);
                }
            }
        }
        return folders;
    }

    /**
     * {@code message_thread}: the thread {@code id} names for the viewer, or {@code null}; with
     * {@code load_messages} the newest {@code message_limit} messages at or before
     * {@code before} (ms), oldest first; with {@code load_read_receipts} the read receipts.
     */
    private JsonNode thread(Account viewer, JsonNode params, boolean messageQuery) {
        String id = GraphqlParams.requiredString(params, "id");
        ObjectNode data = EmulatorJson.MAPPER.createObjectNode();
        Optional<ThreadView> found = this.world.threadView(viewer.id(), id);
        if (found.isEmpty()) {
            data.putNull("message_thread");
            return data;
        }
        ThreadView view = found.get();
        ObjectNode thread = GraphqlParams.flag(params, "load_read_receipts", messageQuery)
                ? this.threads.threadWithReceipts(view) : this.threads.thread(view);
        if (GraphqlParams.flag(params, "load_messages", messageQuery)) {
            int limit = GraphqlParams.count(params, "message_limit", 20);
            Long before = GraphqlParams.number(params, "before");
            List<StoredMessage> eligible = view.messages()
                .stream()
                .filter(message -> before == null || message.timestamp() <= before)
                .toList();
            int from = Math.max(0, eligible.size() - limit);
            ObjectNode page = thread.putObject("messages");
            ArrayNode nodes = page.putArray("nodes");
            eligible.subList(from, eligible.size()).forEach(message -> nodes.add(this.messages.message(message, view)));
            page.putObject("page_info").put("has_previous_page", from > 0);
        }
        data.set("message_thread", thread);
        return data;
    }

    /**
     * {@code <id>.message_shared_media}: the thread's still images and videos, newest first,
     * {@code first} of them after the cursor {@code after}; {@code <id>} is {@code null} when the
     * id names no thread of the viewer's.
     */
    private JsonNode sharedMedia(Account viewer, JsonNode params) {
        String id = GraphqlParams.requiredString(params, "id");
        int first = GraphqlParams.count(params, "first", 12);
        String after = GraphqlParams.string(params, "after");
        ObjectNode data = EmulatorJson.MAPPER.createObjectNode();
        Optional<ThreadView> view = this.world.threadView(viewer.id(), id);
        if (view.isEmpty()) {
            data.putNull(id);
            return data;
        }
        List<Attachment> media = new ArrayList<>();
        for (StoredMessage message : view.get().messages()) {
            message.attachments().stream().filter(AttachmentJson::isSharedMedia).forEach(media::add);
        }
        Collections.reverse(media);
        int start = 0;
        if (after != null && !after.isEmpty()) {
            String afterId = attachmentId(after);
            start = -1;
            for (int i = 0; i < media.size(); i++) {
                if (media.get(i).id().equals(afterId)) {
                    start = i + 1;
                }
            }
            if (start < 0) {
                throw GraphqlException.invalidParameter("after");
            }
        }
        List<Attachment> page = media.subList(start, Math.min(media.size(), start + first));
        ObjectNode shared = data.putObject(id).putObject("message_shared_media");
        ArrayNode edges = shared.putArray("edges");
        for (Attachment attachment : page) {
            ObjectNode edge = edges.addObject();
            edge.set("node", AttachmentJson.sharedMedia(attachment));
            edge.put("cursor", cursor(attachment));
        }
        ObjectNode pageInfo = shared.putObject("page_info");
        pageInfo.put("has_next_page", start + page.size() < media.size());
        pageInfo.put("end_cursor", page.isEmpty() ? null : cursor(page.get(page.size() - 1)));
        pageInfo.put("has_previous_page", start > 0);
        pageInfo.put("start_cursor", page.isEmpty() ? null : cursor(page.get(0)));
        return data;
    }

    private static String cursor(Attachment attachment) {
        return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((CURSOR_PREFIX + attachment.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable String attachmentId(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return decoded.startsWith(CURSOR_PREFIX) ? decoded.substring(CURSOR_PREFIX.length()) : null;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /** {@code message}: one message by {@code thread_and_message_id.thread_id} and {@code message_id}. */
    private JsonNode message(Account viewer, JsonNode params) {
        JsonNode ids = params.path("thread_and_message_id");
        String threadId = GraphqlParams.requiredString(ids, "thread_id");
        String messageId = GraphqlParams.requiredString(ids, "message_id");
        Optional<ThreadView> view = this.world.threadView(viewer.id(), threadId);
        Optional<StoredMessage> message = view.flatMap(found -> found.message(messageId));
        if (message.isEmpty()) {
            throw GraphqlException.notFound("No message " + messageId + " in thread " + threadId);
        }
        ObjectNode data = EmulatorJson.MAPPER.createObjectNode();
        data.set("message", this.messages.message(message.get(), view.get()));
        return data;
    }
}
