package dev.fbchat.thread;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.fbchat.ParseError;
import dev.fbchat.ProtocolConstant;
import dev.fbchat.attachment.Attachment;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.internal.FacebookRequests;
import dev.fbchat.internal.GraphQLBatch;
import dev.fbchat.internal.LazyPages;
import dev.fbchat.internal.Limits;
import dev.fbchat.internal.Times;
import dev.fbchat.internal.parse.FileAttachmentParser;
import dev.fbchat.internal.parse.MessageParser;
import dev.fbchat.internal.parse.Py;
import dev.fbchat.message.MessageData;
import dev.fbchat.message.MessageSnippet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The read requests of one thread: its messages, its shared images, message search ({@code ThreadABC} in fbchat). */
final class ThreadReads {

    private static final Logger log = LoggerFactory.getLogger(ThreadReads.class);

    /** The most messages one request asks for. */
    static final int MESSAGES_PER_PAGE = 100;

    /** The most images one request asks for. */
    static final int IMAGES_PER_PAGE = 1000;

    /** The most search hits one request asks for. */
    static final int SNIPPETS_PER_PAGE = 50;

    private ThreadReads() {
    }

    /** {@code fetch_messages}: newest first; each further page starts at the oldest message of the last one. */
    static Stream<MessageData> messages(MessengerThread thread, @Nullable Integer limit) {
        Iterator<Integer> pages = Limits.pages(limit, MESSAGES_PER_PAGE);
        return new LazyPages<MessageData>() {

            private @Nullable Instant before;

            @Override
            protected boolean fetchPage(Consumer<MessageData> emit) {
                if (!pages.hasNext()) {
                    return false;
                }
                List<MessageData> messages = new ArrayList<>(messagesPage(thread, pages.next(), this.before));
                Collections.reverse(messages);
                // The page before a time includes the message at that time, already given.
                messages.subList(this.before == null ? 0 : Math.min(1, messages.size()), messages.size()).forEach(emit);
                if (messages.size() < MESSAGES_PER_PAGE) {
                    return false;
                }
                this.before = messages.get(messages.size() - 1).createdAt();
                return true;
            }
        }.stream();
    }

    private static List<MessageData> messagesPage(MessengerThread thread, int limit, @Nullable Instant before) {
        ObjectNode params = FacebookJson.MAPPER.createObjectNode();
        params.put("id", thread.id());
        params.put("message_limit", limit);
        params.put("load_messages", true);
        params.put("load_read_receipts", true);
        if (before == null) {
            params.putNull("before");
        }
        else {
            params.put("before", Times.toMillis(before));
        }
        FacebookRequests requests = thread.session().requests();
        JsonNode result = requests
            .graphqlRead(GraphQLBatch.fromDocId(requests.constant(ProtocolConstant.MESSAGES_DOC_ID), params));
        JsonNode messageThread = Py.get(result, "message_thread");
        if (messageThread == null) {
            throw new ParseError("Could not fetch messages", result);
        }
        JsonNode receipts = Py.req(Py.nonNull(messageThread, "read_receipts"), "nodes");
        List<MessageData> messages = new ArrayList<>();
        for (JsonNode message : Py.list(Py.req(Py.nonNull(messageThread, "messages"), "nodes"))) {
            messages.add(MessageParser.fromGraphql(thread, message, receipts));
        }
        return messages;
    }

    /** {@code fetch_images}: the thread's images and videos, last sent first. */
    static Stream<Attachment> images(MessengerThread thread, @Nullable Integer limit) {
        Iterator<Integer> pages = Limits.pages(limit, IMAGES_PER_PAGE);
        return new LazyPages<Attachment>() {

            private @Nullable String cursor;

            @Override
            protected boolean fetchPage(Consumer<Attachment> emit) {
                if (!pages.hasNext()) {
                    return false;
                }
                ObjectNode params = FacebookJson.MAPPER.createObjectNode();
                params.put("id", thread.id());
                params.put("first", pages.next());
                params.put("after", this.cursor);
                FacebookRequests requests = thread.session().requests();
                JsonNode result = requests.graphqlRead(
                        GraphQLBatch.fromQueryId(requests.constant(ProtocolConstant.SHARED_MEDIA_QUERY_ID), params));
                if (!Py.truthy(Py.get(result, thread.id()))) {
                    throw new ParseError("Could not find images", result);
                }
                JsonNode media = Py.req(Py.get(result, thread.id()), "message_shared_media");
                List<JsonNode> edges = Py.list(Py.req(media, "edges"));
                for (JsonNode edge : edges) {
                    JsonNode node = Py.req(edge, "node");
                    String type = Py.str(Py.req(node, "__typename"));
                    switch (type) {
                        case "MessageImage" -> emit.accept(FileAttachmentParser.imageFromList(node));
                        case "MessageVideo" -> emit.accept(FileAttachmentParser.videoFromList(node));
                        default -> log.warn("Skipping a shared media of unknown type {}", type);
                    }
                }
                this.cursor = Py.text(Py.nonNull(media, "page_info"), "end_cursor");
                return !edges.isEmpty();
            }
        }.stream();
    }

    /** {@code ThreadABC.search_messages}: the thread's messages matching {@code query}, last sent first. */
    static Stream<MessageSnippet> search(MessengerThread thread, String query, @Nullable Integer limit) {
        return LazyPages.byOffset(Limits.pages(limit, SNIPPETS_PER_PAGE),
                (offset, size) -> searchPage(thread, query, offset, size));
    }

    private static List<@Nullable MessageSnippet> searchPage(MessengerThread thread, String query, int offset, int limit) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("query", query);
        form.put("snippetOffset", Integer.toString(offset));
        form.put("snippetLimit", Integer.toString(limit));
        form.put("identifier", "thread_fbid");
        form.put("thread_fbid", thread.id());
        JsonNode payload = thread.session().requests().readPayload("/ajax/mercury/search_snippets.php?dpr=1", form);
        JsonNode result = Py.get(Py.nonNull(Py.nonNull(payload, "search_snippets"), query), thread.id());
        if (!Py.truthy(result)) {
            return List.of();
        }
        List<@Nullable MessageSnippet> snippets = new ArrayList<>();
        for (JsonNode snippet : Py.list(Py.req(result, "snippets"))) {
            snippets.add(MessageParser.snippet(thread, snippet));
        }
        return snippets;
    }

    /** {@code Message.fetch}: one message, with what it replies to. */
    static MessageData message(MessengerThread thread, String messageId) {
        ObjectNode params = FacebookJson.MAPPER.createObjectNode();
        ObjectNode ids = params.putObject("thread_and_message_id");
        ids.put("thread_id", thread.id());
        ids.put("message_id", messageId);
        FacebookRequests requests = thread.session().requests();
        JsonNode result = requests
            .graphqlRead(GraphQLBatch.fromDocId(requests.constant(ProtocolConstant.MESSAGE_DOC_ID), params));
        JsonNode message = Py.get(result, "message");
        if (message == null) {
            throw new ParseError("Could not fetch message " + messageId, result);
        }
        return MessageParser.fromGraphql(thread, message, null);
    }
}
