package dev.fbchat.emulator.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.ChatThread;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.Folder;
import dev.fbchat.emulator.world.Gender;
import dev.fbchat.emulator.world.MessageContent;
import dev.fbchat.emulator.world.RandomTokens;
import dev.fbchat.emulator.world.StoredMessage;
import dev.fbchat.emulator.world.ThreadKind;
import dev.fbchat.emulator.world.ThreadSettings;
import dev.fbchat.emulator.world.UserProfile;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON driver API under {@code /_emulator/}: play the other people, add people and threads,
 * set read state, and look at the world (docs/emulator-protocol.md, "Driver API").
 */
final class DriverEndpoints implements Endpoints {

    private static final Pattern THREAD = Pattern.compile("/_emulator/threads/([^/]+)(/messages|/read|/folder)?");

    private static final Pattern ACCOUNT_SEEN = Pattern.compile("/_emulator/accounts/([^/]+)/seen");

    private static final Pattern ACCOUNT_RELATIONS = Pattern.compile("/_emulator/accounts/([^/]+)/relations");

    private static final Pattern ACCOUNT_EXPIRE_TOKENS = Pattern.compile("/_emulator/accounts/(\\d+)/expire-tokens");

    private final World world;

    DriverEndpoints(World world) {
        this.world = world;
    }

    @Override
    public @Nullable FullHttpResponse answer(HttpExchange exchange) {
        if (!exchange.path().startsWith("/_emulator/")) {
            return null;
        }
        try {
            return route(exchange);
        }
        catch (DriverJson.BadRequest ex) {
            return HttpAnswers.jsonError(HttpResponseStatus.valueOf(ex.status), ex.getMessage());
        }
    }

    private FullHttpResponse route(HttpExchange exchange) {
        if (exchange.is(HttpMethod.GET, "/_emulator/accounts")) {
            return HttpAnswers.json(HttpResponseStatus.OK, this.world.accounts());
        }
        if (exchange.is(HttpMethod.POST, "/_emulator/accounts")) {
            return createAccount(DriverJson.body(exchange));
        }
        if (exchange.is(HttpMethod.GET, "/_emulator/pages")) {
            ArrayNode pages = EmulatorJson.MAPPER.createArrayNode();
            this.world.people().pages().forEach(page -> pages.add(DriverJson.page(page)));
            return HttpAnswers.json(HttpResponseStatus.OK, pages);
        }
        if (exchange.is(HttpMethod.GET, "/_emulator/threads")) {
            ArrayNode threads = EmulatorJson.MAPPER.createArrayNode();
            this.world.threads().forEach(thread -> threads.add(DriverJson.thread(thread)));
            return HttpAnswers.json(HttpResponseStatus.OK, threads);
        }
        if (exchange.is(HttpMethod.POST, "/_emulator/threads")) {
            return createThread(DriverJson.body(exchange));
        }
        if (exchange.is(HttpMethod.GET, "/_emulator/stats")) {
            return HttpAnswers.json(HttpResponseStatus.OK, this.world.stats().toJson());
        }
        if (exchange.is(HttpMethod.GET, "/_emulator/requests")) {
            return HttpAnswers.json(HttpResponseStatus.OK, this.world.requestLog().requests(exchange.queryParameter("path")));
        }
        Matcher expire = ACCOUNT_EXPIRE_TOKENS.matcher(exchange.path());
        if (expire.matches() && exchange.method().equals(HttpMethod.POST)) {
            ObjectNode answer = EmulatorJson.MAPPER.createObjectNode();
            answer.put("account", expire.group(1));
            answer.put("sessions", this.world.expireFbDtsg(expire.group(1)));
            return HttpAnswers.json(HttpResponseStatus.OK, answer);
        }
        Matcher relations = ACCOUNT_RELATIONS.matcher(exchange.path());
        if (relations.matches() && exchange.method().equals(HttpMethod.GET)) {
            String id = relations.group(1);
            ObjectNode answer = EmulatorJson.MAPPER.createObjectNode();
            this.world.people().friendsOf(id).forEach(answer.putArray("friends")::add);
            this.world.people().blockedBy(id).forEach(answer.putArray("blocked")::add);
            this.world.presenceActions().friendRequestsTo(id).forEach(answer.putArray("friendRequestsFrom")::add);
            return HttpAnswers.json(HttpResponseStatus.OK, answer);
        }
        Matcher seen = ACCOUNT_SEEN.matcher(exchange.path());
        if (seen.matches() && exchange.method().equals(HttpMethod.POST)) {
            return markSeen(seen.group(1), DriverJson.body(exchange));
        }
        Matcher thread = THREAD.matcher(exchange.path());
        if (thread.matches()) {
            ChatThread found = this.world.thread(thread.group(1))
                .orElseThrow(() -> new DriverJson.BadRequest(404, "no thread " + thread.group(1)));
            String part = thread.group(2) == null ? "" : thread.group(2);
            return switch (part + " " + exchange.method().name()) {
                case " GET" -> HttpAnswers.json(HttpResponseStatus.OK, DriverJson.threadDetails(this.world, found));
                case "/messages GET" -> {
                    ArrayNode list = EmulatorJson.MAPPER.createArrayNode();
                    this.world.messages(found.id()).forEach(message -> list.add(DriverJson.message(message)));
                    yield HttpAnswers.json(HttpResponseStatus.OK, list);
                }
                case "/messages POST" -> post(found, DriverJson.body(exchange));
                case "/read POST" -> markRead(found, DriverJson.body(exchange));
                case "/folder POST" -> file(found, DriverJson.body(exchange));
                default -> HttpAnswers.jsonError(HttpResponseStatus.METHOD_NOT_ALLOWED, "not allowed here");
            };
        }
        return HttpAnswers.jsonError(HttpResponseStatus.NOT_FOUND, "no driver endpoint " + exchange.path());
    }

    /** {@code {"name", "id"?, "email"?, "password"?, "firstName"?, "lastName"?, "gender"?, "username"?, "messengerOnly"?, "friends"?, "phones"?, "emails"?}}. */
    private FullHttpResponse createAccount(JsonNode request) {
        String name = DriverJson.text(request, "name");
        if (name == null || name.isBlank()) {
            throw new DriverJson.BadRequest("\"name\" is missing");
        }
        String id = DriverJson.text(request, "id");
        if (id == null) {
            id = this.world.newAccountId();
        }
        else if (!id.matches("[1-9][0-9]{0,18}")) {
            throw new DriverJson.BadRequest("\"id\" must be a number, as Facebook ids are");
        }
        String email = DriverJson.text(request, "email");
        email = email == null ? "user" + id + "@fbchat.local" : email;
        String password = DriverJson.text(request, "password");
        password = password == null ? RandomTokens.urlSafe(12) : password;
        UserProfile derived = UserProfile.derivedFrom(new Account(id, name, email, password));
        String firstName = DriverJson.text(request, "firstName");
        String lastName = DriverJson.text(request, "lastName");
        Gender gender;
        try {
            gender = Gender.valueOf(request.path("gender").asString("UNKNOWN").toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new DriverJson.BadRequest("\"gender\" is FEMALE, MALE, NEUTER or UNKNOWN");
        }
        List<String> emails = DriverJson.ids(request.path("emails"), "emails");
        UserProfile profile = new UserProfile(id, firstName == null ? derived.firstName() : firstName,
                lastName == null ? derived.lastName() : lastName, gender, DriverJson.text(request, "username"),
                request.path("messengerOnly").asBoolean(false), request.path("affinity").asDouble(0),
                DriverJson.ids(request.path("phones"), "phones"), emails.isEmpty() ? List.of(email) : emails);
        Account account;
        try {
            account = this.world.createAccount(new Account(id, name, email, password), profile,
                    DriverJson.ids(request.path("friends"), "friends"));
        }
        catch (IllegalStateException ex) {
            throw new DriverJson.BadRequest(409, ex.getMessage());
        }
        catch (IllegalArgumentException ex) {
            throw new DriverJson.BadRequest(ex.getMessage());
        }
        return HttpAnswers.json(HttpResponseStatus.CREATED, account);
    }

    /**
     * {@code {"type": "USER"|"GROUP", "participants": [...], ...}}: a one-to-one thread of two
     * (an existing one answers {@code 200}), or a group with optional settings.
     */
    private FullHttpResponse createThread(JsonNode request) {
        List<String> participants = DriverJson.ids(request.path("participants"), "participants");
        String type = request.path("type").asString("").toUpperCase(Locale.ROOT);
        ChatThread thread;
        boolean created;
        if (type.equals(ThreadKind.USER.name())) {
            if (participants.size() != 2 || participants.get(0).equals(participants.get(1))
                    || !participants.stream().allMatch(this.world::isActor)
                    || participants.stream().noneMatch(id -> this.world.account(id).isPresent())) {
                throw new DriverJson.BadRequest("a USER thread is two people (or a person and a page)");
            }
            created = this.world.threadView(participants.get(0), participants.get(1)).isEmpty();
            thread = this.world.oneToOne(participants.get(0), participants.get(1));
        }
        else if (type.equals(ThreadKind.GROUP.name())) {
            String name = DriverJson.text(request, "name");
            List<String> admins = DriverJson.ids(request.path("admins"), "admins");
            ThreadSettings settings = new ThreadSettings(DriverJson.text(request, "imageUrl"), color(request),
                    DriverJson.text(request, "emoji"), DriverJson.strings(request.path("nicknames"), "nicknames"),
                    admins.isEmpty() && !participants.isEmpty() ? List.of(participants.get(0)) : admins,
                    request.path("approvalMode").asBoolean(false),
                    DriverJson.ids(request.path("approvalRequests"), "approvalRequests"),
                    DriverJson.text(request, "joinLink"));
            try {
                thread = this.world.createGroup(name == null ? "" : name, participants, settings);
            }
            catch (IllegalArgumentException ex) {
                throw new DriverJson.BadRequest(ex.getMessage());
            }
            created = true;
        }
        else {
            throw new DriverJson.BadRequest("\"type\" is USER or GROUP");
        }
        for (Map.Entry<String, String> folder : DriverJson.strings(request.path("folders"), "folders").entrySet()) {
            this.world.setFolder(thread.id(), participant(thread, folder.getKey()), folder(folder.getValue()));
        }
        return HttpAnswers.json(created ? HttpResponseStatus.CREATED : HttpResponseStatus.OK,
                DriverJson.threadDetails(this.world, thread));
    }

    private static @Nullable String color(JsonNode request) {
        String color = DriverJson.text(request, "color");
        if (color != null && !color.matches("#[0-9a-fA-F]{6}")) {
            throw new DriverJson.BadRequest("\"color\" is #rrggbb");
        }
        return color == null ? null : color.toLowerCase(Locale.ROOT);
    }

    /** {@code {"from", "text"?, "attachments"?, "replyTo"?}}: the same effects as a send by that person (or page). */
    private FullHttpResponse post(ChatThread thread, JsonNode request) {
        String from = request.path("from").asString("");
        if (!this.world.isActor(from) || !thread.hasParticipant(from)) {
            throw new DriverJson.BadRequest("\"from\" must be the id of an account taking part in thread " + thread.id());
        }
        String text = DriverJson.text(request, "text");
        String body = text == null || text.isEmpty() ? null : text;
        MessageContent content = new MessageContent(body, DriverJson.attachments(request.path("attachments"), this.world),
                DriverJson.mentions(request.path("mentions"), body), DriverJson.text(request, "replyTo"),
                DriverJson.sticker(request.path("sticker")), DriverJson.ids(request.path("tags"), "tags"));
        if (content.isEmpty()) {
            throw new DriverJson.BadRequest("\"text\" is missing or empty, and there are no attachments and no sticker");
        }
        try {
            StoredMessage message = this.world.post(from, thread, content, RandomTokens.digits(19));
            return HttpAnswers.json(HttpResponseStatus.CREATED, DriverJson.message(message));
        }
        catch (IllegalArgumentException ex) {
            throw new DriverJson.BadRequest(ex.getMessage());
        }
    }

    /**
     * {@code {"account", "at"?}}: the account has read the thread up to {@code at} (ms; default:
     * its newest message): {@code MarkRead} to the account, {@code ReadReceipt} to the others.
     */
    private FullHttpResponse markRead(ChatThread thread, JsonNode request) {
        String account = participant(thread, request.path("account").asString(""));
        long at = this.world.receiptActions()
            .markRead(account, List.of(thread.id()), request.path("at").isNumber() ? request.path("at").asLong() : null)
            .get(0);
        return HttpAnswers.json(HttpResponseStatus.OK,
                EmulatorJson.MAPPER.createObjectNode().put("account", account).put("watermark", at));
    }

    /** {@code {"account", "folder"}}: files the thread for the account ({@code ThreadFolder} to the account). */
    private FullHttpResponse file(ChatThread thread, JsonNode request) {
        String account = participant(thread, request.path("account").asString(""));
        Folder folder = folder(request.path("folder").asString(""));
        this.world.receiptActions().setFolder(account, List.of(thread.id()), folder);
        return HttpAnswers.json(HttpResponseStatus.OK,
                EmulatorJson.MAPPER.createObjectNode().put("account", account).put("folder", folder.name()));
    }

    /** {@code {"at"?}}: the account has seen everything up to {@code at} (ms; default: now). */
    private FullHttpResponse markSeen(String accountId, JsonNode request) {
        if (this.world.account(accountId).isEmpty()) {
            throw new DriverJson.BadRequest(404, "no account " + accountId);
        }
        long at = request.path("at").isNumber() ? request.path("at").asLong() : System.currentTimeMillis();
        this.world.receiptActions().markSeen(accountId, at);
        ObjectNode answer = EmulatorJson.MAPPER.createObjectNode().put("account", accountId).put("seenAt", at);
        return HttpAnswers.json(HttpResponseStatus.OK, answer);
    }

    private String participant(ChatThread thread, String accountId) {
        if (!thread.hasParticipant(accountId) || this.world.account(accountId).isEmpty()) {
            throw new DriverJson.BadRequest("\"account\" must be an account taking part in thread " + thread.id());
        }
        return accountId;
    }

    private static Folder folder(String name) {
        try {
            return Folder.valueOf(name.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new DriverJson.BadRequest("a folder is INBOX, PENDING, ARCHIVED or OTHER");
        }
    }
}
