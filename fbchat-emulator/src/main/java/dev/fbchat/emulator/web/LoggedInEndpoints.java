package dev.fbchat.emulator.web;

import java.util.Optional;
import java.util.Set;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.LoginSession;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A family of logged-in {@code POST} endpoints. As on Facebook, the session comes first: no
 * live session ({@code c_user}, {@code xs}) answers error 1357001, a missing or stale
 * {@code fb_dtsg} error 1357004; only then does the family see the request.
 */
abstract class LoggedInEndpoints implements Endpoints {

    protected final World world;

    private final Set<String> paths;

    protected LoggedInEndpoints(World world, String... paths) {
        this.world = world;
        this.paths = Set.of(paths);
    }

    @Override
    public final @Nullable FullHttpResponse answer(HttpExchange exchange) {
        if (!exchange.method().equals(HttpMethod.POST) || !this.paths.contains(exchange.path())) {
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
        return answer(exchange, this.world.account(session.get().accountId()).orElseThrow());
    }

    /** Answers a request whose session and token are right; {@code viewer} is the logged-in account. */
    protected abstract FullHttpResponse answer(HttpExchange exchange, Account viewer);

    /** The usual success answer: {@code {"__ar":1,"payload":<payload>}}, prefixed. */
    static FullHttpResponse payload(JsonNode payload) {
        ObjectNode answer = EmulatorJson.MAPPER.createObjectNode();
        answer.put("__ar", 1);
        answer.set("payload", payload);
        return HttpAnswers.payload(answer);
    }

    /** Error 1357031, Facebook's answer to an id that names nothing the viewer may see. */
    static FullHttpResponse contentUnavailable() {
        return HttpAnswers.payloadError(1357031, "This content is no longer available",
                "The content you requested cannot be displayed at the moment. It may be temporarily unavailable, the "
                        + "link you clicked on may have expired, or you may not have permission to view this page.");
    }

    /** Error 1545003, Facebook's answer to a request it cannot act on. */
    static FullHttpResponse invalidAction() {
        return HttpAnswers.payloadError(1545003, "Invalid action", "You cannot perform that action.");
    }

    /** A form field as a non-negative whole number, or {@code fallback} when missing or not a number. */
    static int intField(HttpExchange exchange, String name, int fallback) {
        String value = exchange.formField(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Math.max(0, Integer.parseInt(value.strip()));
        }
        catch (NumberFormatException ex) {
            return fallback;
        }
    }
}
