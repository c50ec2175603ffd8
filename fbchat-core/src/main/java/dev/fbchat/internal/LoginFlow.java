package dev.fbchat.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.fbchat.NotLoggedIn;
import dev.fbchat.ParseError;
import dev.fbchat.TwoFactorCodeProvider;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Logs in through Messenger's login form, through the two-factor checkpoint when Facebook asks
 * for one ({@link TwoFactorFlow}), and loads a session's tokens from the home page
 * ({@code Session.login} and {@code Session._from_session} in fbchat).
 */
public final class LoginFlow {

    private LoginFlow() {
    }

    /**
     * Posts the login form, answers a two-factor checkpoint with {@code twoFactor}; on success
     * returns the loaded session state, else raises {@link NotLoggedIn} (wrong password, wrong
     * codes, no code provider, locked account) or {@link ParseError} (a checkpoint page not as
     * expected).
     */
    public static FacebookRequests login(HttpTransport transport, String email, String password,
            @Nullable TwoFactorCodeProvider twoFactor) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("initial_request_id", "x");
        form.put("lgnjs", "n");
        form.put("email", email);
        form.put("pass", password);
        form.put("login", "1");
        form.put("persistent", "1");
        form.put("default_persistent", "0");
        transport.putCookies(Map.of("act", System.currentTimeMillis() + "/0"));
        HttpTransport.Response response = transport.postForm(transport.endpoints().messenger("/login/password/"), form)
            .requireSuccess();
        URI location = response.resolvedLocation();
        if (location == null) {
            String error = LoginPages.errorText(response.body());
            throw new NotLoggedIn(error != null ? error : "Login failed, and Facebook gave no reason");
        }
        if (location.toString().contains("checkpoint")) {
            if (twoFactor == null) {
                throw new NotLoggedIn("2FA code required! Pass a TwoFactorCodeProvider to Session.login");
            }
            response = TwoFactorFlow.run(transport, location, twoFactor);
            location = response.resolvedLocation();
        }
        if (location == null || !location.equals(transport.endpoints().messengerHome())) {
            String error = LoginPages.errorText(response.body());
            throw new NotLoggedIn("Failed logging in: "
                    + (location == null ? "not redirected" : "redirected to " + location.getPath())
                    + (error == null ? "" : ", " + error));
        }
        try {
            return load(transport);
        }
        catch (NotLoggedIn ex) {
            throw new ParseError("Failed loading session", response.toString(), ex);
        }
    }

    /** Reads the user id from the cookies and {@code fb_dtsg} and the revision from the home page. */
    public static FacebookRequests load(HttpTransport transport) {
        String userId = transport.cookie("c_user");
        if (userId == null) {
            throw new ParseError("Could not find user id", transport.cookies().keySet());
        }
        Map<String, JsonNode> define = homeDefines(transport);
        String fbDtsg = fbDtsg(define);
        JsonNode revision = define.containsKey("SiteData") ? define.get("SiteData").get("client_revision") : null;
        if (revision == null || !revision.canConvertToLong()) {
            throw new ParseError("Could not find client revision", define.keySet());
        }
        return new FacebookRequests(transport, userId, fbDtsg, revision.asLong());
    }

    /** The {@code ServerJSDefine} entries of the Messenger home page, as this session sees it. */
    static Map<String, JsonNode> homeDefines(HttpTransport transport) {
        HttpTransport.Response home = transport.getFollowingRedirects(transport.endpoints().messengerHome())
            .requireSuccess();
        return ServerJsDefine.parse(home.body());
    }

    /**
     * The session's {@code fb_dtsg} token among a page's defines.
     *
     * @throws ParseError when the page defines none
     * @throws NotLoggedIn when it is empty, as on the pages of a session Facebook ended
     */
    static String fbDtsg(Map<String, JsonNode> define) {
        String fbDtsg = ServerJsDefine.fbDtsg(define);
        if (fbDtsg == null) {
            throw new ParseError("Could not find fb_dtsg", define.keySet());
        }
        if (fbDtsg.isEmpty()) {
            throw new NotLoggedIn("Found empty fb_dtsg, the session was probably invalid.");
        }
        return fbDtsg;
    }
}
