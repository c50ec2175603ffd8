package dev.fbchat.emulator.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.LoginCheckpoints;
import dev.fbchat.emulator.world.LoginSession;
import dev.fbchat.emulator.world.RandomTokens;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import org.jspecify.annotations.Nullable;

/**
 * {@code /login/}, {@code /login/password/}, the home page {@code /} and {@code /logout/}; the
 * login checkpoint of two-factor and locked accounts through {@link CheckpointEndpoints}.
 */
final class LoginEndpoints implements Endpoints {

    private static final long COOKIE_MAX_AGE = Duration.ofDays(365).toSeconds();

    private final World world;

    private final CheckpointEndpoints checkpoints;

    LoginEndpoints(World world) {
        this.world = world;
        this.checkpoints = new CheckpointEndpoints(world);
    }

    @Override
    public @Nullable FullHttpResponse answer(HttpExchange exchange) {
        FullHttpResponse checkpoint = this.checkpoints.answer(exchange);
        if (checkpoint != null) {
            return checkpoint;
        }
        if (exchange.is(HttpMethod.GET, "/login/")) {
            return session(exchange).isPresent() ? HttpAnswers.redirect(exchange.origin() + "/", List.of())
                    : HttpAnswers.html(Pages.login(null));
        }
        if (exchange.is(HttpMethod.POST, "/login/password/")) {
            return login(exchange);
        }
        if (exchange.is(HttpMethod.GET, "/")) {
            return session(exchange)
                .map(session -> HttpAnswers.html(Pages.home(session, this.world.account(session.accountId()).orElseThrow())))
                .orElseGet(() -> HttpAnswers.redirect(exchange.origin() + "/login/", List.of()));
        }
        if (exchange.is(HttpMethod.POST, "/logout/")) {
            return logout(exchange);
        }
        return null;
    }

    private FullHttpResponse login(HttpExchange exchange) {
        String email = exchange.formField("email");
        String password = exchange.formField("pass");
        Optional<Account> checkpointAccount = this.world.accounts()
            .stream()
            .filter(account -> account.checkpoint() != Account.Checkpoint.NONE && email != null
                    && account.email().equalsIgnoreCase(email.strip()) && account.password().equals(password))
            .findFirst();
        if (checkpointAccount.isPresent()) {
            // The right password, but the session starts only after the checkpoint.
            LoginCheckpoints.Pending checkpoint = this.world.checkpoints().start(checkpointAccount.get());
            return HttpAnswers.redirect(CheckpointEndpoints.checkpointRedirect(exchange, checkpoint), List.of());
        }
        Optional<LoginSession> session = this.world.login(email == null ? "" : email, password == null ? "" : password);
        if (session.isEmpty()) {
            boolean knownEmail = email != null && this.world.hasEmail(email);
            return HttpAnswers.html(Pages.login(knownEmail ? Pages.LoginError.WRONG_PASSWORD : Pages.LoginError.UNKNOWN_EMAIL));
        }
        return HttpAnswers.redirect(exchange.origin() + "/", sessionCookies(session.get()));
    }

    /** The four cookies of a new session: {@code c_user}, {@code xs}, {@code datr}, {@code fr}. */
    static List<Cookie> sessionCookies(LoginSession session) {
        return List.of(cookie("c_user", session.accountId(), COOKIE_MAX_AGE), cookie("xs", session.secret(), COOKIE_MAX_AGE),
                cookie("datr", RandomTokens.urlSafe(18), COOKIE_MAX_AGE),
                cookie("fr", RandomTokens.urlSafe(30), COOKIE_MAX_AGE));
    }

    private FullHttpResponse logout(HttpExchange exchange) {
        Optional<LoginSession> session = session(exchange);
        String token = exchange.formField("fb_dtsg");
        if (session.isEmpty() || !session.get().fbDtsg().equals(token)) {
            return HttpAnswers.html(Pages.login(null));
        }
        this.world.logout(session.get());
        return HttpAnswers.redirect(exchange.origin() + "/login/",
                List.of(cookie("c_user", "", 0), cookie("xs", "", 0), cookie("datr", "", 0), cookie("fr", "", 0)));
    }

    private Optional<LoginSession> session(HttpExchange exchange) {
        return this.world.session(exchange.cookie("c_user"), exchange.cookie("xs"));
    }

    static Cookie cookie(String name, String value, long maxAge) {
        DefaultCookie cookie = new DefaultCookie(name, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(maxAge);
        return cookie;
    }
}
