package dev.fbchat.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.fbchat.Endpoints;
import dev.fbchat.NotLoggedIn;
import dev.fbchat.ParseError;
import dev.fbchat.TwoFactorCodeProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way through Facebook's login checkpoint that follows a right password on an account with
 * two-factor authentication (fbchat's checkpoint branch of {@code Session.login} and its
 * {@code two_factor_helper}): the {@code next} URL of the checkpoint redirect, the
 * {@code checkpoint/start} redirect, the code form (asked again after a wrong code, at most
 * {@value #MAX_CODE_ATTEMPTS} codes), "save browser", the login review ("This was me"), "save
 * device" again, and the {@code login/auth_token} redirect whose answer logs the session in.
 * Every request carries the {@code act} cookie, as fbchat's {@code login_cookies}. Logs step
 * names only: never codes, tokens or cookies.
 */
final class TwoFactorFlow {

    /** How many codes are submitted before giving up: Facebook locks out guessers, so few. */
    static final int MAX_CODE_ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(TwoFactorFlow.class);

    private final HttpTransport transport;

    private final TwoFactorCodeProvider codes;

    private final String facebook;

    private final String authTokenPrefix;

    private TwoFactorFlow(HttpTransport transport, TwoFactorCodeProvider codes) {
        this.transport = transport;
        this.codes = codes;
        Endpoints endpoints = transport.endpoints();
        String facebookBase = endpoints.facebook().toString();
        this.facebook = facebookBase.endsWith("/") ? facebookBase.substring(0, facebookBase.length() - 1) : facebookBase;
        this.authTokenPrefix = endpoints.messenger("/login/auth_token/").toString();
    }

    /**
     * Goes through the checkpoint that the login answer's redirect {@code checkpointUrl} points
     * to, and returns the answer of the final {@code login/auth_token} request: a redirect to
     * the Messenger home when the session is logged in.
     *
     * @throws NotLoggedIn when the codes are wrong or the account is locked
     * @throws ParseError when a page is not the one expected
     */
    static HttpTransport.Response run(HttpTransport transport, URI checkpointUrl, TwoFactorCodeProvider codes) {
        return new TwoFactorFlow(transport, codes).run(checkpointUrl);
    }

    private HttpTransport.Response run(URI checkpointUrl) {
        // Messenger sends the browser to a facebook.com checkpoint/start URL that runs the flow.
        String start = queryParameter(checkpointUrl, "next");
        if (start == null || !start.startsWith(this.facebook + "/checkpoint/start/")) {
            throw new ParseError("Failed 2fa flow (1)", checkpointUrl.getPath());
        }
        log.info("Two-factor login: opening the checkpoint");
        HttpTransport.Response response = get(parse(start, "Failed 2fa flow (1)"));
        URI checkpoint = response.resolvedLocation();
        if (checkpoint == null || !checkpoint.toString().startsWith(this.facebook + "/checkpoint/")) {
            throw new ParseError("Failed 2fa flow (2)", checkpoint == null ? null : checkpoint.getPath());
        }
        response = get(checkpoint);
        URI authToken = answerCheckpoint(response);
        if (authToken == null || !authToken.toString().startsWith(this.authTokenPrefix)) {
            throw new ParseError("Failed 2fa flow (3)", authToken == null ? null : authToken.getPath());
        }
        log.info("Two-factor login: exchanging the login token for the session");
        return get(authToken);
    }

    /** The checkpoint's forms, from the code form to the redirect to {@code login/auth_token}. */
    private @Nullable URI answerCheckpoint(HttpTransport.Response page) {
        LoginPages.FormRequest form = form(page);

        // A saved device skips the code; a wrong code brings the code form back.
        int attempts = 0;
        while (form.has("approvals_code")) {
            if (attempts == MAX_CODE_ATTEMPTS) {
                throw new NotLoggedIn("Wrong two-factor code: Facebook refused " + MAX_CODE_ATTEMPTS
                        + " codes in a row from the TwoFactorCodeProvider");
            }
            attempts++;
            String code = this.codes.code();
            if (code == null || code.isBlank()) {
                throw new NotLoggedIn("The TwoFactorCodeProvider gave no two-factor code");
            }
            form.data().put("approvals_code", code.strip());
            log.info("Two-factor login: submitting code {} of at most {}", attempts, MAX_CODE_ATTEMPTS);
            form = form(post(form));
        }

        if (form.has("name_action_selected")) {
            form.data().put("name_action_selected", "save_device");
            log.info("Two-factor login: saving the browser");
            HttpTransport.Response saved = post(form);
            URI location = saved.resolvedLocation();
            if (location != null && location.toString().startsWith(this.authTokenPrefix)) {
                return location;
            }
            form = form(saved);
        }

        log.info("Two-factor login: starting Facebook's login review");
        form = form(post(form));
        if (form.has("verification_method")) {
            throw new NotLoggedIn(
                    "Your account is locked, and you need to log in using a browser, and verify it there!");
        }
        if (!form.has("submit[This was me]") || !form.has("submit[This wasn't me]")) {
            throw new ParseError("Could not fill out form properly (2)", form.data().keySet());
        }
        form.data().put("submit[This was me]", "[any value]");
        form.data().remove("submit[This wasn't me]");
        log.info("Two-factor login: confirming that this login was us");
        form = form(post(form));
        if (!form.has("name_action_selected")) {
            throw new ParseError("Could not fill out form properly (3)", form.data().keySet());
        }
        form.data().put("name_action_selected", "save_device");
        log.info("Two-factor login: saving the device again");
        return post(form).resolvedLocation();
    }

    private LoginPages.FormRequest form(HttpTransport.Response page) {
        return LoginPages.formRequest(page.body(), this.transport.endpoints().facebook());
    }

    private HttpTransport.Response get(URI uri) {
        putLoginCookie();
        return this.transport.get(uri).requireSuccess();
    }

    private HttpTransport.Response post(LoginPages.FormRequest form) {
        putLoginCookie();
        return this.transport.postForm(form.url(), form.data()).requireSuccess();
    }

    /** fbchat's {@code login_cookies}: {@code act=<now in ms>/0} with every request of the login. */
    private void putLoginCookie() {
        this.transport.putCookies(Map.of("act", System.currentTimeMillis() + "/0"));
    }

    private static URI parse(String url, String failure) {
        try {
            return URI.create(url);
        }
        catch (IllegalArgumentException ex) {
            throw new ParseError(failure, null, ex);
        }
    }

    /** The first non-empty value of a query parameter, decoded, as Python's {@code parse_qs} reads it. */
    static @Nullable String queryParameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                continue;
            }
            try {
                String key = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (key.equals(name) && !value.isEmpty()) {
                    return value;
                }
            }
            catch (IllegalArgumentException ex) {
                // a malformed escape: not a parameter this flow can use
            }
        }
        return null;
    }
}
