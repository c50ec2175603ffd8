package dev.fbchat.emulator.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.ChatThread;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.LoginSession;
import dev.fbchat.emulator.world.RandomTokens;
import dev.fbchat.emulator.world.StoredMessage;
import dev.fbchat.emulator.world.ThreadKind;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The logged-in {@code POST} endpoints: {@code /api/graphqlbatch/} and {@code /messaging/send/}.
 * Both check the session cookies and the {@code fb_dtsg} parameter first.
 */
final class MessagingEndpoints implements Endpoints {

    /** The GraphQL document that reads the account's last sync sequence id. */
    static final String SEQUENCE_ID_DOC = "1349387578499440";

    private final World world;

    MessagingEndpoints(World world) {
        this.world = world;
    }

    @Override
    public @Nullable FullHttpResponse answer(HttpExchange exchange) {
        boolean graphql = exchange.is(HttpMethod.POST, "/api/graphqlbatch/");
        boolean send = exchange.is(HttpMethod.POST, "/messaging/send/");
        if (!graphql && !send) {
            return null;
        }
        Optional<LoginSession> session = this.world.session(exchange.cookie("c_user"), exchange.cookie("xs"));
        if (session.isEmpty()) {
            return HttpAnswers.payloadError(1357001, "Not logged in", "Please log in to continue.");
        }
        if (!session.get().fbDtsg().equals(exchange.formField("fb_dtsg"))) {
            return HttpAnswers.payloadError(1357004, "Sorry, something went wrong",
                    "Please try closing and re-opening your browser window.");
        }
        Account account = this.world.account(session.get().accountId()).orElseThrow();
        return graphql ? graphql(exchange, account) : send(exchange, account);
    }

    private FullHttpResponse graphql(HttpExchange exchange, Account account) {
        JsonNode queries;
        try {
            String text = exchange.formField("queries");
            queries = text == null ? null : EmulatorJson.MAPPER.readTree(text);
        }
        catch (JacksonException ex) {
            queries = null;
        }
        if (queries == null || !queries.isObject()) {
            return HttpAnswers.payloadError(1357031, "This content is no longer available",
                    "The content you requested cannot be displayed at the moment.");
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> query : queries.properties()) {
            ObjectNode result = EmulatorJson.MAPPER.createObjectNode();
            String docId = query.getValue().path("doc_id").asString("");
            if (docId.equals(SEQUENCE_ID_DOC)) {
                ObjectNode threads = result.putObject(query.getKey()).putObject("data").putObject("viewer")
                    .putObject("message_threads");
                threads.put("sync_sequence_id", Long.toString(this.world.deltaLog(account.id()).lastSequenceId()));
                threads.put("unread_count", 0);
                threads.put("unseen_count", 0);
            }
            else {
                ObjectNode answer = result.putObject(query.getKey());
                answer.putNull("response");
                ObjectNode error = answer.putObject("error");
                error.put("code", 1675001);
                error.putNull("api_error_code");
                error.put("summary", "Query Syntax Error");
                error.put("description", "Syntax error.");
                error.put("is_silent", true);
                error.put("is_transient", false);
                error.put("requires_reauth", false);
                error.put("allow_user_retry", false);
                error.put("debug_info", "Unknown doc_id " + docId);
                error.putNull("query_path");
            }
            parts.add(EmulatorJson.MAPPER.writeValueAsString(result));
        }
        parts.add(EmulatorJson.MAPPER.writeValueAsString(EmulatorJson.MAPPER.createObjectNode()
            .put("successful_results", parts.size())
            .put("error_results", 0)
            .put("skipped_results", 0)));
        return HttpAnswers.text(HttpResponseStatus.OK, "application/x-javascript; charset=utf-8", String.join("\r\n", parts));
    }

    private FullHttpResponse send(HttpExchange exchange, Account author) {
        String body = exchange.formField("body");
        Optional<ChatThread> thread = target(exchange, author);
        if (!("fbid:" + author.id()).equals(exchange.formField("author")) || thread.isEmpty() || body == null
                || body.isEmpty() || !thread.get().hasParticipant(author.id())) {
            return HttpAnswers.payloadError(1545003, "Invalid action", "You cannot perform that action.");
        }
        String offlineThreadingId = exchange.formField("offline_threading_id");
        StoredMessage message = this.world.post(author.id(), thread.get(), body,
                offlineThreadingId == null ? RandomTokens.digits(19) : offlineThreadingId);
        ObjectNode answer = EmulatorJson.MAPPER.createObjectNode();
        answer.put("__ar", 1);
        ObjectNode action = answer.putObject("payload").putArray("actions").addObject();
        action.put("message_id", message.id());
        if (thread.get().kind() == ThreadKind.GROUP) {
            action.put("thread_fbid", thread.get().id());
        }
        else {
            action.putNull("thread_fbid");
        }
        action.put("timestamp", message.timestamp());
        answer.put("lid", RandomTokens.digits(19));
        return HttpAnswers.payload(answer);
    }

    /** The thread a send is for: {@code other_user_fbid} (created when new) or a group's {@code thread_fbid}. */
    private Optional<ChatThread> target(HttpExchange exchange, Account author) {
        String otherUser = exchange.formField("other_user_fbid");
        String group = exchange.formField("thread_fbid");
        if (otherUser != null && group == null) {
            return this.world.account(otherUser)
                .filter(other -> !other.id().equals(author.id()))
                .map(other -> this.world.oneToOne(author, other));
        }
        if (group != null && otherUser == null) {
            return this.world.thread(group).filter(thread -> thread.kind() == ThreadKind.GROUP);
        }
        return Optional.empty();
    }
}
