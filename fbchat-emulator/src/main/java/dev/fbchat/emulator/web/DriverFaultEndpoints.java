package dev.fbchat.emulator.web;

import java.nio.charset.StandardCharsets;

import dev.fbchat.emulator.mqtt.MqttFaults;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.HttpFaults;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The driver API's fault injection under {@code /_emulator/faults/} (*emulator only*): what goes wrong between a client
 * and Messenger, for tests of a client's recovery (docs/emulator-protocol.md, "Faults"). Each is a {@code POST} of a
 * JSON object naming the account; the answer says how many connections (or sessions) it reached.
 */
final class DriverFaultEndpoints implements Endpoints {

    private static final String PREFIX = "/_emulator/faults/";

    private final World world;

    private final MqttFaults mqtt;

    DriverFaultEndpoints(World world) {
        this.world = world;
        this.mqtt = MqttFaults.of(world);
    }

    @Override
    public @Nullable FullHttpResponse answer(HttpExchange exchange) {
        if (!exchange.path().startsWith(PREFIX)) {
            return null;
        }
        if (!exchange.method().equals(HttpMethod.POST)) {
            return HttpAnswers.jsonError(HttpResponseStatus.METHOD_NOT_ALLOWED, "faults are POSTed");
        }
        try {
            JsonNode request = DriverJson.body(exchange);
            ObjectNode answer = EmulatorJson.MAPPER.createObjectNode();
            switch (exchange.path().substring(PREFIX.length())) {
                case "drop-connections" -> {
                    String account = request.has("account") ? account(request) : null;
                    answer.put("connections", this.mqtt.dropConnections(account));
                }
                case "stall" -> answer.put("connections", this.mqtt.stall(account(request)));
                case "end-sessions" -> {
                    String account = account(request);
                    answer.put("account", account);
                    answer.put("sessions", this.world.endSessions(account));
                    // Facebook drops the connections of ended sessions; reconnecting meets CONNACK 5.
                    answer.put("connections", this.mqtt.dropConnections(account));
                }
                case "http-reset" -> {
                    String path = request.path("path").asString("");
                    int count = request.path("count").asInt(1);
                    String when = request.path("when").asString("before");
                    if (!path.startsWith("/") || count < 1 || !(when.equals("before") || when.equals("after"))) {
                        return HttpAnswers.jsonError(HttpResponseStatus.BAD_REQUEST,
                                "http-reset needs a path starting with /, a count of at least 1, when before or after");
                    }
                    this.world.httpFaults().cutNext(path, count,
                            when.equals("after") ? HttpFaults.Cut.AFTER : HttpFaults.Cut.BEFORE);
                    answer.put("armed", count);
                }
                case "overflow" -> answer.put("connections", this.mqtt.overflowQueues(account(request)));
                case "publish" -> {
                    String account = account(request);
                    String topic = request.path("topic").asString("");
                    if (topic.isEmpty()) {
                        throw new DriverJson.BadRequest("\"topic\" is missing");
                    }
                    JsonNode payload = request.get("payload");
                    if (payload == null || payload.isNull()) {
                        throw new DriverJson.BadRequest("\"payload\" is missing: a string (sent as it is) or JSON");
                    }
                    byte[] bytes = payload.isString() ? payload.asString().getBytes(StandardCharsets.UTF_8)
                            : EmulatorJson.MAPPER.writeValueAsBytes(payload);
                    answer.put("connections", this.mqtt.publish(account, topic, bytes));
                }
                default -> throw new DriverJson.BadRequest(404, "no fault " + exchange.path());
            }
            return HttpAnswers.json(HttpResponseStatus.OK, answer);
        }
        catch (DriverJson.BadRequest ex) {
            return HttpAnswers.jsonError(HttpResponseStatus.valueOf(ex.status), ex.getMessage());
        }
    }

    /** The request's {@code "account"}: an account's id. */
    private String account(JsonNode request) {
        String account = request.path("account").asString("");
        if (account.isEmpty()) {
            throw new DriverJson.BadRequest("\"account\" is missing");
        }
        if (this.world.account(account).isEmpty()) {
            throw new DriverJson.BadRequest(404, "no account " + account);
        }
        return account;
    }
}
