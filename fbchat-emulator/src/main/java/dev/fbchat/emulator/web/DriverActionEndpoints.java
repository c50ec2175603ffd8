package dev.fbchat.emulator.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fbchat.emulator.world.ChatThread;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.LiveLocation;
import dev.fbchat.emulator.world.OngoingCall;
import dev.fbchat.emulator.world.Plan;
import dev.fbchat.emulator.world.Poll;
import dev.fbchat.emulator.world.StoredMessage;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The driver API's actions that Facebook tells clients about in real time: reactions,
 * unsending, a group's title, people, administrators and settings, typing, delivery, calls,
 * polls, plans, live locations; presence, friend requests and blocks of an account
 * (docs/emulator-protocol.md, "Driver API: real-time actions"). Every one is a {@code POST}
 * with a JSON body; each changes the world through its action families, which log the deltas.
 */
final class DriverActionEndpoints implements Endpoints {

    private static final Pattern THREAD_ACTION = Pattern.compile("/_emulator/threads/([^/]+)/(reactions|unsend|title"
            + "|participants|admins|approval-mode|color|emoji|nicknames|image|typing|delivered|calls|polls|plans"
            + "|live-location)");

    private static final Pattern POLL_VOTES = Pattern.compile("/_emulator/threads/([^/]+)/polls/([^/]+)/votes");

    private static final Pattern PLAN_ACTION = Pattern.compile("/_emulator/threads/([^/]+)/plans/([^/]+)/(edit|delete|end|rsvp)");

    private static final Pattern ACCOUNT_ACTION = Pattern.compile("/_emulator/accounts/([^/]+)/(presence|presence/full"
            + "|friend-requests|blocks)");

    private final World world;

    DriverActionEndpoints(World world) {
        this.world = world;
    }

    @Override
    public @Nullable FullHttpResponse answer(HttpExchange exchange) {
        if (!exchange.path().startsWith("/_emulator/") || !exchange.method().equals(HttpMethod.POST)) {
            return null;
        }
        try {
            Matcher action = THREAD_ACTION.matcher(exchange.path());
            if (action.matches()) {
                return threadAction(thread(action.group(1)), action.group(2), DriverJson.body(exchange));
            }
            Matcher votes = POLL_VOTES.matcher(exchange.path());
            if (votes.matches()) {
                return vote(thread(votes.group(1)), votes.group(2), DriverJson.body(exchange));
            }
            Matcher plan = PLAN_ACTION.matcher(exchange.path());
            if (plan.matches()) {
                return planAction(thread(plan.group(1)), plan.group(2), plan.group(3), DriverJson.body(exchange));
            }
            Matcher account = ACCOUNT_ACTION.matcher(exchange.path());
            if (account.matches()) {
                return accountAction(account.group(1), account.group(2), DriverJson.body(exchange));
            }
            return null;
        }
        catch (DriverJson.BadRequest ex) {
            return HttpAnswers.jsonError(HttpResponseStatus.valueOf(ex.status), ex.getMessage());
        }
        catch (NoSuchElementException ex) {
            return HttpAnswers.jsonError(HttpResponseStatus.NOT_FOUND, ex.getMessage());
        }
        catch (IllegalArgumentException ex) {
            return HttpAnswers.jsonError(HttpResponseStatus.BAD_REQUEST, ex.getMessage());
        }
    }

    private FullHttpResponse threadAction(ChatThread thread, String action, JsonNode request) {
        String id = thread.id();
        return switch (action) {
            case "reactions" -> {
                JsonNode reaction = request.path("reaction");
                if (!reaction.isNull() && !reaction.isString()) {
                    throw new DriverJson.BadRequest("\"reaction\" is a text, or null to remove one");
                }
                StoredMessage message = this.world.threadActions()
                    .react(id, from(request), required(request, "messageId"), reaction.isString() ? reaction.asString() : null);
                yield HttpAnswers.json(HttpResponseStatus.OK, DriverJson.message(message));
            }
            case "unsend" -> HttpAnswers.json(HttpResponseStatus.OK,
                    DriverJson.message(this.world.threadActions().unsend(id, from(request), required(request, "messageId"))));
            case "title" -> {
                this.world.threadActions().setTitle(id, from(request), DriverJson.text(request, "title"));
                yield details(id);
            }
            case "participants" -> participants(id, request);
            case "admins" -> admins(id, request);
            case "approval-mode" -> {
                this.world.threadActions().setApprovalMode(id, from(request), bool(request, "requireApproval"));
                yield details(id);
            }
            case "color" -> {
                this.world.threadActions().setColor(id, from(request), required(request, "color"));
                yield details(id);
            }
            case "emoji" -> {
                this.world.threadActions().setEmoji(id, from(request), DriverJson.text(request, "emoji"));
                yield details(id);
            }
            case "nicknames" -> {
                this.world.threadActions()
                    .setNickname(id, from(request), required(request, "participant"), DriverJson.text(request, "nickname"));
                yield details(id);
            }
            case "image" -> {
                this.world.threadActions().setImage(id, from(request), required(request, "imageUrl"));
                yield details(id);
            }
            case "typing" -> {
                boolean typing = request.path("typing").asBoolean(true);
                this.world.presenceActions().typing(id, from(request), typing);
                yield HttpAnswers.json(HttpResponseStatus.OK,
                        EmulatorJson.MAPPER.createObjectNode().put("thread", id).put("from", from(request)).put("typing", typing));
            }
            case "delivered" -> {
                String account = required(request, "account");
                List<String> ids = this.world.receiptActions()
                    .markDelivered(id, account, DriverJson.ids(request.path("messageIds"), "messageIds"), millis(request, "at"));
                ObjectNode answer = EmulatorJson.MAPPER.createObjectNode().put("account", account);
                ids.forEach(answer.putArray("messageIds")::add);
                yield HttpAnswers.json(HttpResponseStatus.OK, answer);
            }
            case "calls" -> call(id, request);
            case "polls" -> createPoll(id, request);
            case "plans" -> {
                JsonNode time = request.path("time");
                if (!time.isNumber()) {
                    throw new DriverJson.BadRequest("\"time\" is the plan's time in seconds since the epoch");
                }
                Plan plan = this.world.eventActions()
                    .createPlan(id, from(request), required(request, "title"), time.asLong(),
                            DriverJson.text(request, "location"), DriverJson.text(request, "locationId"));
                yield HttpAnswers.json(HttpResponseStatus.CREATED, plan(plan));
            }
            case "live-location" -> liveLocation(id, request);
            default -> throw new IllegalStateException(action);
        };
    }

    /** {@code {"from", "add": [ids]}} or {@code {"from", "remove": "<id>"}}. */
    private FullHttpResponse participants(String threadId, JsonNode request) {
        String from = from(request);
        if (request.has("add")) {
            this.world.threadActions().addParticipants(threadId, from, DriverJson.ids(request.path("add"), "add"));
        }
        else if (request.path("remove").isString()) {
            this.world.threadActions().removeParticipant(threadId, from, request.path("remove").asString());
        }
        else {
            throw new DriverJson.BadRequest("give \"add\": [ids] or \"remove\": \"<id>\"");
        }
        return details(threadId);
    }

    /** {@code {"from", "add": [ids]}} or {@code {"from", "remove": [ids]}}. */
    private FullHttpResponse admins(String threadId, JsonNode request) {
        String from = from(request);
        if (request.has("add")) {
            this.world.threadActions().setAdmins(threadId, from, DriverJson.ids(request.path("add"), "add"), true);
        }
        else if (request.has("remove")) {
            this.world.threadActions().setAdmins(threadId, from, DriverJson.ids(request.path("remove"), "remove"), false);
        }
        else {
            throw new DriverJson.BadRequest("give \"add\": [ids] or \"remove\": [ids]");
        }
        return details(threadId);
    }

    /** {@code {"from", "action": "start"|"join"|"end", "video"?}}. */
    private FullHttpResponse call(String threadId, JsonNode request) {
        String from = from(request);
        ObjectNode answer = EmulatorJson.MAPPER.createObjectNode();
        switch (request.path("action").asString("")) {
            case "start" -> answer.set("call",
                    call(this.world.eventActions().startCall(threadId, from, request.path("video").asBoolean(false))));
            case "join" -> answer.set("call", call(this.world.eventActions().joinCall(threadId, from)));
            case "end" -> {
                long duration = this.world.eventActions().endCall(threadId, from);
                answer.putNull("call");
                answer.put("durationSeconds", duration);
            }
            default -> throw new DriverJson.BadRequest("\"action\" is start, join or end");
        }
        return HttpAnswers.json(HttpResponseStatus.OK, answer);
    }

    /** {@code {"from", "question", "options": ["text" | {"text", "vote"?}]}}. */
    private FullHttpResponse createPoll(String threadId, JsonNode request) {
        JsonNode list = request.path("options");
        if (!list.isArray()) {
            throw new DriverJson.BadRequest("\"options\" is a list of texts or {\"text\", \"vote\"}");
        }
        Map<String, Boolean> options = new LinkedHashMap<>();
        for (JsonNode option : list) {
            if (option.isString()) {
                options.put(option.asString(), false);
            }
            else if (option.path("text").isString()) {
                options.put(option.path("text").asString(), option.path("vote").asBoolean(false));
            }
            else {
                throw new DriverJson.BadRequest("an option is a text or {\"text\", \"vote\"}");
            }
        }
        Poll poll = this.world.eventActions().createPoll(threadId, from(request), required(request, "question"), options);
        return HttpAnswers.json(HttpResponseStatus.CREATED, poll(poll));
    }

    /** {@code {"from", "optionIds": [...], "newOptions"?: [texts]}}. */
    private FullHttpResponse vote(ChatThread thread, String pollId, JsonNode request) {
        Poll poll = this.world.eventActions()
            .vote(thread.id(), pollId, from(request), DriverJson.ids(request.path("optionIds"), "optionIds"),
                    DriverJson.ids(request.path("newOptions"), "newOptions"));
        return HttpAnswers.json(HttpResponseStatus.OK, poll(poll));
    }

    private FullHttpResponse planAction(ChatThread thread, String planId, String action, JsonNode request) {
        Plan plan = this.world.plan(planId).filter(found -> found.threadId().equals(thread.id()))
            .orElseThrow(() -> new DriverJson.BadRequest(404, "thread " + thread.id() + " has no plan " + planId));
        Plan result = switch (action) {
            case "edit" -> {
                JsonNode time = request.path("time");
                yield this.world.eventActions()
                    .editPlan(plan.id(), from(request), DriverJson.text(request, "title"),
                            time.isNumber() ? Long.valueOf(time.asLong()) : null, DriverJson.text(request, "location"),
                            DriverJson.text(request, "locationId"));
            }
            case "delete" -> this.world.eventActions().deletePlan(plan.id(), from(request));
            case "end" -> this.world.eventActions().endPlan(plan.id());
            case "rsvp" -> this.world.eventActions().respondToPlan(plan.id(), from(request), bool(request, "going"));
            default -> throw new IllegalStateException(action);
        };
        return HttpAnswers.json(HttpResponseStatus.OK, plan(result));
    }

    /** {@code {"from", "latitude", "longitude", "title"?, "expiresInSeconds"?, "stop"?}}. */
    private FullHttpResponse liveLocation(String threadId, JsonNode request) {
        if (!request.path("latitude").isNumber() || !request.path("longitude").isNumber()) {
            throw new DriverJson.BadRequest("\"latitude\" and \"longitude\" are numbers (degrees)");
        }
        long expiresAt = System.currentTimeMillis() + 1000 * request.path("expiresInSeconds").asLong(3600);
        LiveLocation location = this.world.threadActions()
            .shareLiveLocation(threadId, from(request), request.path("latitude").asDouble(),
                    request.path("longitude").asDouble(), DriverJson.text(request, "title"), expiresAt,
                    request.path("stop").asBoolean(false));
        ObjectNode answer = EmulatorJson.MAPPER.createObjectNode();
        answer.put("id", location.id());
        answer.put("messageId", location.messageId());
        answer.put("senderId", location.senderId());
        answer.put("latitude", location.latitude());
        answer.put("longitude", location.longitude());
        answer.put("title", location.title());
        answer.put("expiresAt", location.expiresAt());
        answer.put("stopped", location.stopped());
        return HttpAnswers.json(HttpResponseStatus.OK, answer);
    }

    private FullHttpResponse accountAction(String accountId, String action, JsonNode request) {
        if (this.world.account(accountId).isEmpty()) {
            throw new DriverJson.BadRequest(404, "no account " + accountId);
        }
        ObjectNode answer = EmulatorJson.MAPPER.createObjectNode().put("account", accountId);
        switch (action) {
            case "presence" -> {
                boolean active = bool(request, "active");
                JsonNode lastActive = request.path("lastActive");
                this.world.presenceActions()
                    .setPresence(accountId, active, lastActive.isNumber() ? Long.valueOf(lastActive.asLong()) : null);
                answer.put("active", active);
            }
            case "presence/full" -> answer.put("entries", this.world.presenceActions().sendFullPresence(accountId));
            case "friend-requests" -> {
                String from = from(request);
                this.world.presenceActions().sendFriendRequest(from, accountId);
                answer.put("from", from);
            }
            case "blocks" -> {
                String user = required(request, "user");
                boolean blocked = request.path("blocked").asBoolean(true);
                this.world.presenceActions().setBlocked(accountId, user, blocked);
                answer.put("user", user).put("blocked", blocked);
            }
            default -> throw new IllegalStateException(action);
        }
        return HttpAnswers.json(HttpResponseStatus.OK, answer);
    }

    // ---- JSON in and out ----

    private ChatThread thread(String id) {
        return this.world.thread(id).orElseThrow(() -> new DriverJson.BadRequest(404, "no thread " + id));
    }

    private FullHttpResponse details(String threadId) {
        return HttpAnswers.json(HttpResponseStatus.OK, DriverJson.threadDetails(this.world, thread(threadId)));
    }

    private static ObjectNode call(OngoingCall call) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("initiator", call.initiatorId());
        json.put("video", call.video());
        json.put("startedAt", call.startedAt());
        call.joined().forEach(json.putArray("joined")::add);
        return json;
    }

    /** {@code {"id","threadId","question","options":[{"id","text","voters"}]}}, options in the poll's order. */
    static ObjectNode poll(Poll poll) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("id", poll.id());
        json.put("threadId", poll.threadId());
        json.put("question", poll.question());
        ArrayNode options = json.putArray("options");
        for (Poll.Option option : poll.options()) {
            ObjectNode entry = options.addObject();
            entry.put("id", option.id());
            entry.put("text", option.text());
            option.voters().forEach(entry.putArray("voters")::add);
        }
        return json;
    }

    /** {@code {"id","threadId","title","time","location","locationId","creatorId","guests":{id: state}}}. */
    static ObjectNode plan(Plan plan) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("id", plan.id());
        json.put("threadId", plan.threadId());
        json.put("title", plan.title());
        json.put("time", plan.timeSeconds());
        json.put("location", plan.locationName());
        json.put("locationId", plan.locationId());
        json.put("creatorId", plan.creatorId());
        ObjectNode guests = json.putObject("guests");
        plan.guests().forEach((id, state) -> guests.put(id, state.name()));
        return json;
    }

    private static String from(JsonNode request) {
        return required(request, "from");
    }

    private static String required(JsonNode request, String name) {
        String value = DriverJson.text(request, name);
        if (value == null || value.isEmpty()) {
            throw new DriverJson.BadRequest("\"" + name + "\" is missing");
        }
        return value;
    }

    private static boolean bool(JsonNode request, String name) {
        JsonNode value = request.path(name);
        if (!value.isBoolean()) {
            throw new DriverJson.BadRequest("\"" + name + "\" is true or false");
        }
        return value.asBoolean();
    }

    private static @Nullable Long millis(JsonNode request, String name) {
        JsonNode value = request.path(name);
        return value.isNumber() ? Long.valueOf(value.asLong()) : null;
    }
}
