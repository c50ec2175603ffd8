package dev.fbchat.emulator.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.LoginCheckpoints;
import dev.fbchat.emulator.world.LoginCheckpoints.CheckpointRequest;
import dev.fbchat.emulator.world.LoginCheckpoints.Pending;
import dev.fbchat.emulator.world.LoginSession;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import org.jspecify.annotations.Nullable;

/**
 * The login checkpoint of the two-factor and locked accounts: {@code /checkpoint/start/},
 * {@code /checkpoint/} (pages and form posts), {@code /login/auth_token/} (the session), and
 * the driver API's {@code /_emulator/checkpoint-requests}. See "Two-factor login" in
 * {@code docs/emulator-protocol.md}.
 */
final class CheckpointEndpoints implements Endpoints {

    /** The cookie that names the checkpoint in progress on the Facebook side. */
    static final String CHECKPOINT_COOKIE = "checkpoint";

    private final World world;

    private final LoginCheckpoints checkpoints;

    CheckpointEndpoints(World world) {
        this.world = world;
        this.checkpoints = world.checkpoints();
    }

    /** Where the login of a checkpoint account is sent: Messenger's checkpoint URL whose {@code next} starts the flow. */
    static String checkpointRedirect(HttpExchange exchange, Pending checkpoint) {
        String start = exchange.origin() + "/checkpoint/start/?nh=" + checkpoint.id();
        return exchange.origin() + "/checkpoint/?next=" + URLEncoder.encode(start, StandardCharsets.UTF_8);
    }

    @Override
    public @Nullable FullHttpResponse answer(HttpExchange exchange) {
        if (exchange.is(HttpMethod.GET, "/_emulator/checkpoint-requests")) {
            return HttpAnswers.json(HttpResponseStatus.OK, this.checkpoints.requests());
        }
        if (exchange.is(HttpMethod.GET, "/checkpoint/start/")) {
            Optional<Pending> checkpoint = this.checkpoints.find(exchange.queryParameter("nh"));
            record(exchange, checkpoint);
            return checkpoint.map(pending -> HttpAnswers.redirect(pageUrl(exchange),
                    List.of(checkpointCookie(pending.id()))))
                .orElseGet(() -> toLogin(exchange));
        }
        if (exchange.is(HttpMethod.GET, "/checkpoint/")) {
            Optional<Pending> checkpoint = current(exchange);
            record(exchange, checkpoint);
            String next = exchange.queryParameter("next");
            if (next != null && next.startsWith(exchange.origin() + "/checkpoint/start/")) {
                // Messenger's side of the checkpoint: on to facebook.com's start URL
                return HttpAnswers.redirect(next, List.of());
            }
            return checkpoint.map(pending -> page(exchange, pending, pending.step(), false))
                .orElseGet(() -> toLogin(exchange));
        }
        if (exchange.is(HttpMethod.POST, "/checkpoint/")) {
            Optional<Pending> checkpoint = current(exchange);
            record(exchange, checkpoint);
            return checkpoint.map(pending -> submit(exchange, pending)).orElseGet(() -> toLogin(exchange));
        }
        if (exchange.is(HttpMethod.GET, "/login/auth_token/")) {
            record(exchange, Optional.empty());
            return authToken(exchange);
        }
        return null;
    }

    private FullHttpResponse submit(HttpExchange exchange, Pending checkpoint) {
        if (!checkpoint.id().equals(exchange.formField("nh")) || !checkpoint.fbDtsg().equals(exchange.formField("fb_dtsg"))) {
            return HttpAnswers.html(Pages.checkpointMessage("Sorry, something went wrong",
                    "This page is no longer valid. Go back to the login page and try again."));
        }
        LoginCheckpoints.Answer answer = this.checkpoints.submit(checkpoint, exchange.formFields(), Instant.now());
        if (answer.loginToken() != null) {
            return HttpAnswers.redirect(exchange.origin() + "/login/auth_token/?auth_token=" + answer.loginToken()
                    + "&persistent=1", List.of());
        }
        return page(exchange, checkpoint, answer.step(), answer.wrongCode());
    }

    /** Exchanges a one-time login token for a session: Messenger's cookies, then the home page. */
    private FullHttpResponse authToken(HttpExchange exchange) {
        Optional<Account> account = this.checkpoints.redeem(exchange.queryParameter("auth_token"))
            .flatMap(this.world::account);
        if (account.isEmpty()) {
            return toLogin(exchange);
        }
        LoginSession session = this.world.login(account.get().email(), account.get().password()).orElseThrow();
        List<Cookie> cookies = new ArrayList<>(LoginEndpoints.sessionCookies(session));
        cookies.add(LoginEndpoints.cookie(CHECKPOINT_COOKIE, "", 0));
        return HttpAnswers.redirect(exchange.origin() + "/", cookies);
    }

    private FullHttpResponse page(HttpExchange exchange, Pending checkpoint, LoginCheckpoints.Step step, boolean wrongCode) {
        return HttpAnswers.html(Pages.checkpoint(checkpoint, step, exchange.origin() + "/", wrongCode));
    }

    private Optional<Pending> current(HttpExchange exchange) {
        return this.checkpoints.find(exchange.cookie(CHECKPOINT_COOKIE));
    }

    /** The Facebook-side checkpoint page, which leads back to the Messenger home once passed. */
    private static String pageUrl(HttpExchange exchange) {
        return exchange.origin() + "/checkpoint/?next=" + URLEncoder.encode(exchange.origin() + "/", StandardCharsets.UTF_8);
    }

    /** The checkpoint cookie: a browser-session cookie ({@code Path=/; HttpOnly}, no {@code Max-Age}). */
    private static Cookie checkpointCookie(String id) {
        DefaultCookie cookie = new DefaultCookie(CHECKPOINT_COOKIE, id);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        return cookie;
    }

    private static FullHttpResponse toLogin(HttpExchange exchange) {
        return HttpAnswers.redirect(exchange.origin() + "/login/", List.of());
    }

    private void record(HttpExchange exchange, Optional<Pending> checkpoint) {
        Map<String, String> cookies = exchange.cookies();
        Map<String, String> fields = exchange.method().equals(HttpMethod.POST) ? exchange.formFields() : Map.of();
        this.checkpoints.record(new CheckpointRequest(exchange.method().name(), exchange.path(),
                checkpoint.map(Pending::step).orElse(null), fields, List.copyOf(cookies.keySet()), cookies.get("act")));
    }
}
