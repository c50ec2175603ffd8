package dev.fbchat.emulator.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.ChatThread;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.RandomTokens;
import dev.fbchat.emulator.world.StoredMessage;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON driver API under {@code /_emulator/}: play the other people and look at the world. */
final class DriverEndpoints implements Endpoints {

    private static final Pattern THREAD_MESSAGES = Pattern.compile("/_emulator/threads/([^/]+)/messages");

    private final World world;

    DriverEndpoints(World world) {
        this.world = world;
    }

    @Override
    public @Nullable FullHttpResponse answer(HttpExchange exchange) {
        if (!exchange.path().startsWith("/_emulator/")) {
            return null;
        }
        if (exchange.is(HttpMethod.GET, "/_emulator/accounts")) {
            return HttpAnswers.json(HttpResponseStatus.OK, this.world.accounts());
        }
        if (exchange.is(HttpMethod.GET, "/_emulator/threads")) {
            ArrayNode threads = EmulatorJson.MAPPER.createArrayNode();
            for (ChatThread thread : this.world.threads()) {
                ObjectNode json = threads.addObject();
                json.put("id", thread.id());
                json.put("type", thread.kind().name());
                json.put("name", thread.name());
                thread.participants().forEach(json.putArray("participants")::add);
            }
            return HttpAnswers.json(HttpResponseStatus.OK, threads);
        }
        if (exchange.is(HttpMethod.GET, "/_emulator/stats")) {
            return HttpAnswers.json(HttpResponseStatus.OK, this.world.stats().toJson());
        }
        Matcher messages = THREAD_MESSAGES.matcher(exchange.path());
        if (messages.matches()) {
            Optional<ChatThread> thread = this.world.thread(messages.group(1));
            if (thread.isEmpty()) {
                return HttpAnswers.jsonError(HttpResponseStatus.NOT_FOUND, "no thread " + messages.group(1));
            }
            if (exchange.method().equals(HttpMethod.GET)) {
                ArrayNode list = EmulatorJson.MAPPER.createArrayNode();
                this.world.messages(thread.get().id()).forEach(message -> list.add(toJson(message)));
                return HttpAnswers.json(HttpResponseStatus.OK, list);
            }
            if (exchange.method().equals(HttpMethod.POST)) {
                return post(exchange, thread.get());
            }
            return HttpAnswers.jsonError(HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET or POST");
        }
        return HttpAnswers.jsonError(HttpResponseStatus.NOT_FOUND, "no driver endpoint " + exchange.path());
    }

    private FullHttpResponse post(HttpExchange exchange, ChatThread thread) {
        JsonNode request;
        try {
            request = EmulatorJson.MAPPER.readTree(exchange.body());
        }
        catch (JacksonException ex) {
            return HttpAnswers.jsonError(HttpResponseStatus.BAD_REQUEST, "the body is not JSON: " + ex.getOriginalMessage());
        }
        String from = request.path("from").asString("");
        String text = request.path("text").asString("");
        Optional<Account> author = this.world.account(from);
        if (author.isEmpty() || !thread.hasParticipant(from)) {
            return HttpAnswers.jsonError(HttpResponseStatus.BAD_REQUEST,
                    "\"from\" must be the id of an account taking part in thread " + thread.id());
        }
        if (text.isEmpty()) {
            return HttpAnswers.jsonError(HttpResponseStatus.BAD_REQUEST, "\"text\" is missing or empty");
        }
        StoredMessage message = this.world.post(from, thread, text, RandomTokens.digits(19));
        return HttpAnswers.json(HttpResponseStatus.CREATED, toJson(message));
    }

    private static ObjectNode toJson(StoredMessage message) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("id", message.id());
        json.put("authorId", message.authorId());
        json.put("text", message.text());
        json.put("timestamp", message.timestamp());
        return json;
    }
}
