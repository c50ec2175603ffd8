package dev.fbchat.emulator.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.ChatThread;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.LoginSession;
import dev.fbchat.emulator.world.ThreadView;
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

    /** The answer of a change that returns nothing: {@code {"__ar":1,"payload":null}}. */
    static FullHttpResponse done() {
        return payload(EmulatorJson.MAPPER.nullNode());
    }

    /**
     * The thread a protocol id names for the viewer (a group's id, or the other person's id of a one-to-one
     * thread); {@link IllegalArgumentException} when it names none of the viewer's threads.
     */
    protected ChatThread threadOf(Account viewer, @Nullable String protocolId) {
        return protocolId == null ? missing("the thread")
                : this.world.threadView(viewer.id(), protocolId.strip())
                    .map(ThreadView::thread)
                    .orElseThrow(() -> new IllegalArgumentException("no thread " + protocolId + " of " + viewer.id()));
    }

    /** A form field that must be there; {@link IllegalArgumentException} when it is not. */
    static String required(HttpExchange exchange, String name) {
        String value = exchange.formField(name);
        return value == null ? missing(name) : value;
    }

    /** A form field that must be {@code 1} or {@code 0}, as a boolean. */
    static boolean flag(HttpExchange exchange, String name) {
        String value = required(exchange, name);
        if (!value.equals("0") && !value.equals("1")) {
            throw new IllegalArgumentException(name + " is 0 or 1");
        }
        return value.equals("1");
    }

    /** A form field that must be a whole number. */
    static long longField(HttpExchange exchange, String name) {
        try {
            return Long.parseLong(required(exchange, name).strip());
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(name + " is not a number", ex);
        }
    }

    /** The values of the fields {@code <name>[0]}, {@code <name>[1]}, ... in order. */
    static List<String> numbered(HttpExchange exchange, String name) {
        List<String> values = new ArrayList<>();
        for (int i = 0;; i++) {
            String value = exchange.formField(name + "[" + i + "]");
            if (value == null) {
                return values;
            }
            values.add(value);
        }
    }

    /** The keys {@code k} of the fields {@code <name>[k]} with their values, in order. */
    static Map<String, String> keyed(HttpExchange exchange, String name) {
        Map<String, String> values = new LinkedHashMap<>();
        String prefix = name + "[";
        exchange.formFields().forEach((field, value) -> {
            if (field.startsWith(prefix) && field.endsWith("]") && field.indexOf('[', prefix.length()) < 0) {
                values.put(field.substring(prefix.length(), field.length() - 1), value);
            }
        });
        return values;
    }

    private static <T> T missing(String what) {
        throw new IllegalArgumentException("no " + what);
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
