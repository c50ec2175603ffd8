package dev.fbchat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.fbchat.internal.Deletions;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.internal.GraphQLBatch;
import dev.fbchat.internal.LazyPages;
import dev.fbchat.internal.Limits;
import dev.fbchat.internal.ServerJsDefine;
import dev.fbchat.internal.Times;
import dev.fbchat.internal.parse.GroupDataParser;
import dev.fbchat.internal.parse.PageDataParser;
import dev.fbchat.internal.parse.Py;
import dev.fbchat.internal.parse.UserDataParser;
import dev.fbchat.message.Message;
import dev.fbchat.thread.Group;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.Page;
import dev.fbchat.thread.ThreadData;
import dev.fbchat.thread.ThreadLocation;
import dev.fbchat.thread.UnknownThread;
import dev.fbchat.thread.User;
import dev.fbchat.thread.UserData;
import dev.fbchat.upload.FileUpload;
import dev.fbchat.upload.UploadedFile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Account-wide operations of a {@link Session}: fbchat's {@code Client}. Fetches and searches users, pages, groups,
 * threads and messages; thread handles ({@link #user}, {@link #group}, {@link #page}) act on one thread. Methods that
 * page through results return lazy streams: a page is requested only when the stream reaches it. Arguments are
 * checked before any request.
 */
public final class Client {

    private static final Logger log = LoggerFactory.getLogger(Client.class);

    /** The most threads one thread-list request asks for. */
    private static final int THREADS_PER_PAGE = 100;

    /** The most threads one message-search request asks for. */
    private static final int SEARCH_RESULTS_PER_PAGE = 100;

    private final Session session;

    private final AccountRequests changes;

    public Client(Session session) {
        this.session = Objects.requireNonNull(session, "session");
        this.changes = new AccountRequests(session);
    }

    /** The session this client acts with. */
    public Session session() {
        return this.session;
    }

    /** A handle to the one-to-one thread with the user {@code userId}. */
    public User user(String userId) {
        return new User(this.session, userId);
    }

    /** A handle to the group thread {@code groupId}. */
    public Group group(String groupId) {
        return new Group(this.session, groupId);
    }

    /** A handle to the thread with the page {@code pageId}. */
    public Page page(String pageId) {
        return new Page(this.session, pageId);
    }

    /**
     * The users the account chats with: close to its friend list, plus people it chatted with and Messenger-only
     * accounts, without deactivated ones. In no particular order. One request.
     */
    public List<UserData> fetchUsers() {
        JsonNode payload = this.session.requests()
            .readPayload("/chat/user_info_all", Map.of("viewer", this.session.user().id()));
        if (!payload.isObject()) {
            throw new ParseError("Expected the users by id", payload);
        }
        List<UserData> users = new ArrayList<>();
        for (JsonNode data : payload.values()) {
            String type = Py.str(Py.req(data, "type"));
            JsonNode id = Py.req(data, "id");
            boolean zeroId = id.isString() ? id.stringValue().equals("0")
                    : id.isNumber() ? id.doubleValue() == 0 : id.isBoolean() && !id.booleanValue();
            if (!("user".equals(type) || "friend".equals(type)) || zeroId) {
                log.warn("Skipping an entry of the user list that is not a user (type {})", type);
                continue;
            }
            users.add(UserDataParser.fromAllFetch(this.session, data));
        }
        return users;
    }

    /**
     * Users whose name matches {@code name}, most relevant first. One request.
     *
     * @throws IllegalArgumentException when {@code name} is blank or {@code limit} is not positive
     */
    public List<UserData> searchForUsers(String name, int limit) {
        JsonNode result = search(ProtocolConstant.SEARCH_USER_QUERY, name, limit);
        return Py.list(Py.req(Py.req(Py.nonNull(result, name), "users"), "nodes")).stream()
            .map(node -> UserDataParser.fromGraphql(this.session, node))
            .toList();
    }

    /**
     * Pages whose name matches {@code name}, most relevant first. One request.
     *
     * @throws IllegalArgumentException when {@code name} is blank or {@code limit} is not positive
     */
    public List<dev.fbchat.thread.PageData> searchForPages(String name, int limit) {
        JsonNode result = search(ProtocolConstant.SEARCH_PAGE_QUERY, name, limit);
        return Py.list(Py.req(Py.req(Py.nonNull(result, name), "pages"), "nodes")).stream()
            .map(node -> PageDataParser.fromGraphql(this.session, node))
            .toList();
    }

    /**
     * Group threads whose name matches {@code name}, most relevant first. One request.
     *
     * @throws IllegalArgumentException when {@code name} is blank or {@code limit} is not positive
     */
    public List<dev.fbchat.thread.GroupData> searchForGroups(String name, int limit) {
        JsonNode result = search(ProtocolConstant.SEARCH_GROUP_QUERY, name, limit);
        return Py.list(Py.req(Py.req(Py.nonNull(result, "viewer"), "groups"), "nodes")).stream()
            .map(node -> GroupDataParser.fromGraphql(this.session, node))
            .toList();
    }

    /**
     * Threads (users, groups, pages) whose name matches {@code name}, most relevant first; Facebook groups and unknown
     * kinds are left out. One request.
     *
     * @throws IllegalArgumentException when {@code name} is blank or {@code limit} is not positive
     */
    public List<ThreadData> searchForThreads(String name, int limit) {
        JsonNode result = search(ProtocolConstant.SEARCH_THREAD_QUERY, name, limit);
        List<ThreadData> threads = new ArrayList<>();
        for (JsonNode node : Py.list(Py.req(Py.req(Py.nonNull(result, name), "threads"), "nodes"))) {
            String typename = Py.str(Py.req(node, "__typename"));
            switch (typename) {
                case "User" -> threads.add(UserDataParser.fromGraphql(this.session, node));
                case "MessageThread" -> threads.add(GroupDataParser.fromGraphql(this.session, node));
                case "Page" -> threads.add(PageDataParser.fromGraphql(this.session, node));
                case "Group" -> {
                    // A Facebook group, not a Messenger thread.
                }
                default -> log.warn("Skipping a search result of unknown type {}", typename);
            }
        }
        return threads;
    }

    /**
     * The threads whose messages match {@code query}, with how many messages matched in each; use
     * {@link MessengerThread#searchMessages} for the messages. Lazy: 100 threads per request.
     *
     * @param limit how many threads at most, or {@code null} for all
     * @throws IllegalArgumentException when {@code query} is blank or {@code limit} is negative
     */
    public Stream<ThreadSearchResult> searchMessages(String query, @Nullable Integer limit) {
        requireText(query, "query");
        return LazyPages.byOffset(Limits.pages(limit, SEARCH_RESULTS_PER_PAGE),
                (offset, size) -> searchMessagesPage(query, offset, size));
    }

    private List<@Nullable ThreadSearchResult> searchMessagesPage(String query, int offset, int limit) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("query", query);
        form.put("offset", Integer.toString(offset));
        form.put("limit", Integer.toString(limit));
        JsonNode payload = this.session.requests().readPayload("/ajax/mercury/search_snippets.php?dpr=1", form);
        JsonNode totals = Py.req(Py.nonNull(payload, "search_snippets"), query);
        List<@Nullable ThreadSearchResult> results = new ArrayList<>();
        for (JsonNode node : Py.list(Py.req(Py.nonNull(payload, "graphql_payload"), "message_threads"))) {
            String type = Py.text(node, "thread_type");
            MessengerThread thread = null;
            if ("GROUP".equals(type)) {
                thread = new Group(this.session, Py.str(Py.req(Py.nonNull(node, "thread_key"), "thread_fbid")));
            }
            else if ("ONE_TO_ONE".equals(type)) {
                thread = new UnknownThread(this.session,
                        Py.str(Py.req(Py.nonNull(node, "thread_key"), "other_user_id")));
            }
            else {
                log.warn("Skipping a search result of unknown thread type {}", type);
            }
            results.add(thread == null ? null : new ThreadSearchResult(thread,
                    Py.toIntValue(Py.req(Py.nonNull(totals, thread.id()), "num_total_snippets"))));
        }
        return results;
    }

    /**
     * What Facebook knows of each thread, in the order of {@code ids}. Users and pages take a second request, as in
     * fbchat; a user with whom the account has no thread is still found.
     *
     * @throws IllegalArgumentException when {@code ids} is empty or holds a blank id
     */
    public List<ThreadData> fetchThreadInfo(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("ids must name at least one thread");
        }
        List<String> threadIds = List.copyOf(ids);
        threadIds.forEach(id -> requireText(id, "thread id"));
        List<ObjectNode> queries = new ArrayList<>();
        for (String id : threadIds) {
            ObjectNode params = FacebookJson.MAPPER.createObjectNode();
            params.put("id", id);
            params.put("message_limit", 0);
            params.put("load_messages", false);
            params.put("load_read_receipts", false);
            params.putNull("before");
            queries.add(GraphQLBatch.fromDocId(constant(ProtocolConstant.THREAD_INFO_DOC_ID), params));
        }
        List<@Nullable JsonNode> results = this.session.requests().graphqlReads(queries);
        List<ObjectNode> threads = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode result = results.get(i);
            JsonNode thread = result == null ? null : Py.get(result, "message_thread");
            if (thread == null) {
                // No thread with this person yet: ask for the user's data all the same.
                ObjectNode stub = FacebookJson.MAPPER.createObjectNode();
                stub.putObject("thread_key").put("other_user_id", threadIds.get(i));
                stub.put("thread_type", "ONE_TO_ONE");
                thread = stub;
            }
            if (!thread.isObject()) {
                throw new ParseError("Expected a thread", thread);
            }
            threads.add(((ObjectNode) thread).deepCopy());
        }
        List<String> peopleIds = new ArrayList<>();
        for (ObjectNode thread : threads) {
            if ("ONE_TO_ONE".equals(Py.text(thread, "thread_type"))) {
                peopleIds.add(Py.str(Py.req(Py.nonNull(thread, "thread_key"), "other_user_id")));
            }
        }
        Map<String, ObjectNode> people = peopleIds.isEmpty() ? Map.of() : fetchPeopleInfo(peopleIds);
        List<ThreadData> data = new ArrayList<>();
        for (ObjectNode thread : threads) {
            String type = Py.text(thread, "thread_type");
            if ("GROUP".equals(type)) {
                data.add(GroupDataParser.fromGraphql(this.session, thread));
            }
            else if ("ONE_TO_ONE".equals(type)) {
                String id = Py.str(Py.req(Py.nonNull(thread, "thread_key"), "other_user_id"));
                ObjectNode person = people.get(id);
                if (person == null) {
                    throw new ParseError("Could not fetch thread " + id, people.keySet());
                }
                thread.setAll(person);
                data.add(thread.has("first_name") ? UserDataParser.fromGraphql(this.session, thread)
                        : PageDataParser.fromGraphql(this.session, thread));
            }
            else {
                throw new ParseError("Unknown thread type", thread);
            }
        }
        return data;
    }

    /** {@code /chat/user_info/}: the people and pages behind one-to-one threads, in GraphQL's field names. */
    private Map<String, ObjectNode> fetchPeopleInfo(List<String> ids) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            form.put("ids[" + i + "]", ids.get(i));
        }
        JsonNode payload = this.session.requests().readPayload("/chat/user_info/", form);
        JsonNode profiles = Py.get(payload, "profiles");
        if (profiles == null || !profiles.isObject()) {
            throw new ParseError("No users/pages returned", payload);
        }
        Map<String, ObjectNode> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> profile : profiles.properties()) {
            JsonNode k = profile.getValue();
            String type = Py.str(Py.req(k, "type"));
            ObjectNode entry = FacebookJson.MAPPER.createObjectNode();
            entry.put("id", profile.getKey());
            entry.set("url", orNull(Py.get(k, "uri")));
            if (type.equals("user") || type.equals("friend")) {
                entry.set("first_name", orNull(Py.get(k, "firstName")));
                entry.set("is_viewer_friend", orNull(Py.get(k, "is_friend")));
                entry.set("gender", orNull(Py.get(k, "gender")));
            }
            else if (!type.equals("page")) {
                throw new ParseError("Unknown thread type", k);
            }
            entry.putObject("profile_picture").set("uri", orNull(Py.get(k, "thumbSrc")));
            entry.set("name", orNull(Py.get(k, "name")));
            entries.put(profile.getKey(), entry);
        }
        return entries;
    }

    /**
     * The account's threads in {@code location}, the most recently active first. Lazy: 100 threads per request.
     *
     * @param limit how many threads at most, or {@code null} for all
     * @throws IllegalArgumentException when {@code limit} is negative or {@code location} is {@code null}
     */
    public Stream<ThreadData> fetchThreads(@Nullable Integer limit, ThreadLocation location) {
        if (location == null) {
            throw new IllegalArgumentException("location must be one of " + List.of(ThreadLocation.values()));
        }
        Iterator<Integer> pages = Limits.pages(limit, THREADS_PER_PAGE);
        Set<String> seen = new HashSet<>();
        return new LazyPages<ThreadData>() {

            private @Nullable Instant before;

            @Override
            protected boolean fetchPage(Consumer<ThreadData> emit) {
                if (!pages.hasNext()) {
                    return false;
                }
                List<@Nullable ThreadData> threads = fetchThreadsPage(pages.next(), this.before, location);
                this.before = null;
                for (ThreadData thread : threads) {
                    if (thread != null && seen.add(thread.id())) {
                        this.before = thread.lastActive();
                        emit.accept(thread);
                    }
                }
                if (threads.size() < THREADS_PER_PAGE) {
                    return false;
                }
                if (this.before == null) {
                    throw new ParseError("Too many unknown threads.", null);
                }
                return true;
            }
        }.stream();
    }

    /** The account's inbox threads, the most recently active first; see {@link #fetchThreads(Integer, ThreadLocation)}. */
    public Stream<ThreadData> fetchThreads(@Nullable Integer limit) {
        return fetchThreads(limit, ThreadLocation.INBOX);
    }

    private List<@Nullable ThreadData> fetchThreadsPage(int limit, @Nullable Instant before, ThreadLocation location) {
        ObjectNode params = FacebookJson.MAPPER.createObjectNode();
        params.put("limit", limit);
        params.putArray("tags").add(location.value());
        if (before == null) {
            params.putNull("before");
        }
        else {
            params.put("before", Times.toMillis(before));
        }
        params.put("includeDeliveryReceipts", true);
        params.put("includeSeqID", false);
        JsonNode result = this.session.requests()
            .graphqlRead(GraphQLBatch.fromDocId(constant(ProtocolConstant.THREAD_LIST_DOC_ID), params));
        List<@Nullable ThreadData> threads = new ArrayList<>();
        for (JsonNode node : Py.list(Py.req(Py.nonNull(Py.nonNull(result, "viewer"), "message_threads"), "nodes"))) {
            String type = Py.text(node, "thread_type");
            if ("GROUP".equals(type)) {
                threads.add(GroupDataParser.fromGraphql(this.session, node));
            }
            else if ("ONE_TO_ONE".equals(type)) {
                threads.add(UserDataParser.fromThreadFetch(this.session, node));
            }
            else {
                threads.add(null);
                log.warn("Skipping a thread of unknown type {}", type);
            }
        }
        return threads;
    }

    /** The threads with unread messages: groups first, then one-to-one threads. One request. */
    public List<MessengerThread> fetchUnread() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("folders[0]", "inbox");
        form.put("client", "mercury");
        form.put("last_action_timestamp", Long.toString(Times.toMillis(Instant.now())));
        JsonNode payload = this.session.requests().readPayload("/ajax/mercury/unread_threads.php", form);
        return threadIds(Py.list(Py.req(payload, "unread_thread_fbids")));
    }

    /** The threads with messages not seen yet: groups first, then one-to-one threads. One request. */
    public List<MessengerThread> fetchUnseen() {
        JsonNode payload = this.session.requests().readPayload("/mercury/unseen_thread_ids/", Map.of());
        return threadIds(Py.list(Py.req(payload, "unseen_thread_fbids")));
    }

    private List<MessengerThread> threadIds(List<JsonNode> entries) {
        if (entries.isEmpty()) {
            throw new ParseError("Expected the thread ids", entries);
        }
        JsonNode result = entries.get(0);
        List<MessengerThread> threads = new ArrayList<>();
        Py.list(Py.req(result, "thread_fbids")).forEach(id -> threads.add(new Group(this.session, Py.str(id))));
        Py.list(Py.req(result, "other_user_fbids")).forEach(id -> threads.add(new User(this.session, Py.str(id))));
        return threads;
    }

    /**
     * The URL of the full-size original of an image attachment. One request.
     *
     * @throws IllegalArgumentException when {@code imageId} is blank
     */
    public String fetchImageUrl(String imageId) {
        requireText(imageId, "imageId");
        JsonNode json = this.session.requests().readJson("/mercury/attachments/photo/", Map.of("photo_id", imageId));
        FacebookJson.handlePayloadError(json);
        if (!json.has("jsmods")) {
            throw new ParseError("No jsmods when fetching image URL", json);
        }
        Map<String, JsonNode> require = ServerJsDefine.jsmodsRequire(Py.req(Py.nonNull(json, "jsmods"), "require"));
        JsonNode redirect = require.get("ServerRedirect.redirectPageTo");
        if (redirect == null) {
            throw new ParseError("Could not fetch image URL", json);
        }
        return Py.str(Py.list(redirect).get(0));
    }

    /** The account's phone numbers. One request. */
    public List<String> getPhoneNumbers() {
        JsonNode viewer = privateData();
        return Py.list(Py.req(Py.nonNull(viewer, "user"), "all_phones")).stream()
            .map(phone -> Py.str(Py.req(Py.nonNull(phone, "phone_number"), "universal_number")))
            .toList();
    }

    /** The account's email addresses. One request. */
    public List<String> getEmails() {
        JsonNode viewer = privateData();
        return Py.list(Py.req(viewer, "all_emails")).stream().map(email -> Py.str(Py.req(email, "display_email"))).toList();
    }

    /**
     * Uploads files, to send with {@code sendFiles} or {@code sendText}, or to make a group's picture. One
     * {@code multipart/form-data} request to the upload host.
     *
     * @param voiceClip whether audio files are voice clips
     * @return each file's id and MIME type, in order
     * @throws IllegalArgumentException when there is no file
     */
    public List<UploadedFile> upload(List<FileUpload> files, boolean voiceClip) {
        return this.changes.upload(files, voiceClip);
    }

    /** Uploads files that are not voice clips ({@link #upload(List, boolean)}). */
    public List<UploadedFile> upload(List<FileUpload> files) {
        return upload(files, false);
    }

    /** Marks a message as delivered to the account. */
    public void markAsDelivered(Message message) {
        this.changes.markAsDelivered(message);
    }

    /**
     * Marks every message of the threads as read, up to {@code at}.
     *
     * @throws IllegalArgumentException when there is no thread
     */
    public void markAsRead(Collection<? extends MessengerThread> threads, Instant at) {
        this.changes.setReadStatus(true, threads, at);
    }

    /**
     * Marks the threads as unread.
     *
     * @throws IllegalArgumentException when there is no thread
     */
    public void markAsUnread(Collection<? extends MessengerThread> threads, Instant at) {
        this.changes.setReadStatus(false, threads, at);
    }

    /** Marks every thread as seen up to {@code at} (fbchat's {@code mark_as_seen}). */
    public void markAsSeen(Instant at) {
        this.changes.markAsSeen(at);
    }

    /**
     * Moves threads to a folder: {@link ThreadLocation#ARCHIVED} archives (and unpins) them, {@code PENDING} moves
     * them to {@code OTHER}, as Facebook's endpoint does.
     *
     * @throws IllegalArgumentException when there is no thread
     */
    public void moveThreads(ThreadLocation location, Collection<? extends MessengerThread> threads) {
        this.changes.moveThreads(location, threads);
    }

    /**
     * Deletes threads for the account.
     *
     * @throws IllegalArgumentException when there is no thread
     */
    public void deleteThreads(Collection<? extends MessengerThread> threads) {
        Deletions.threads(this.session.requests(), AccountRequests.ids(threads));
    }

    /**
     * Deletes messages for the account.
     *
     * @throws IllegalArgumentException when there is no message
     */
    public void deleteMessages(Collection<Message> messages) {
        Objects.requireNonNull(messages, "messages");
        Deletions.messages(this.session.requests(),
                messages.stream().map(message -> Objects.requireNonNull(message, "message").id()).toList());
    }

    private JsonNode privateData() {
        JsonNode result = this.session.requests().graphqlRead(GraphQLBatch
            .fromDocId(constant(ProtocolConstant.PRIVATE_DATA_DOC_ID), FacebookJson.MAPPER.createObjectNode()));
        return Py.nonNull(result, "viewer");
    }

    private JsonNode search(ProtocolConstant query, String name, int limit) {
        requireText(name, "name");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        ObjectNode params = FacebookJson.MAPPER.createObjectNode();
        params.put("search", name);
        params.put("limit", limit);
        return this.session.requests().graphqlRead(GraphQLBatch.fromQuery(constant(query), params));
    }

    private String constant(ProtocolConstant constant) {
        return this.session.requests().constant(constant);
    }

    private static JsonNode orNull(@Nullable JsonNode value) {
        return value == null ? FacebookJson.MAPPER.nullNode() : value;
    }

    private static void requireText(String text, String name) {
        Objects.requireNonNull(text, name);
        if (text.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /**
     * A thread that a message search matched.
     *
     * @param thread the thread (of unknown kind for a one-to-one thread: a user or a page)
     * @param count how many of its messages matched
     */
    public record ThreadSearchResult(MessengerThread thread, int count) {
    }
}
