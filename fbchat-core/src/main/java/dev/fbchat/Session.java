package dev.fbchat;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import dev.fbchat.internal.FacebookRequests;
import dev.fbchat.internal.HttpTransport;
import dev.fbchat.internal.LoginFlow;
import dev.fbchat.thread.User;
import org.jspecify.annotations.Nullable;

/**
 * A logged-in Facebook account: its cookies, its {@code fb_dtsg} token, and the request layer
 * that every handle ({@link User}, {@link dev.fbchat.thread.Group}, ...) uses. Create one with
 * {@link #login} or, to skip logging in again, {@link #fromCookies} with the cookies of
 * {@link #getCookies()}; {@link #onFirstUse} defers either to the first use. Thread-safe. {@link #toString()} shows
 * only the user id.
 */
public final class Session {

    /**
     * Replaced as a whole when the session is renewed ({@link #renewFrom}); read once per request. {@code null} until
     * a session made by {@link #onFirstUse} is first used.
     */
    private volatile @Nullable FacebookRequests requests;

    /** What makes the session of {@link #onFirstUse}; {@code null} once it has. Guarded by {@code this}. */
    private @Nullable Supplier<Session> maker;

    private Session(FacebookRequests requests) {
        this.requests = requests;
    }

    private Session(Supplier<Session> maker) {
        this.maker = maker;
    }

    /** Logs in to Facebook's real service. */
    public static Session login(String email, String password, @Nullable TwoFactorCodeProvider onTwoFactor) {
        return login(email, password, onTwoFactor, SessionOptions.defaults());
    }

    /**
     * Logs in with the Messenger login form. When the account has two-factor authentication,
     * Facebook's checkpoint asks {@code onTwoFactor} for a code (again after a wrong code, a few
     * times), saves the browser and confirms the login; {@link TwoFactorCodeProvider#totp} gives
     * the codes of a code-generator secret.
     *
     * @param onTwoFactor the source of two-factor codes, or {@code null} when the account has none
     * @throws NotLoggedIn with Facebook's explanation when the email or password is wrong; when a
     *         two-factor code is needed and {@code onTwoFactor} is {@code null}, or its codes are
     *         refused; when the account is locked
     * @throws ParseError when a checkpoint page is not as expected
     */
    public static Session login(String email, String password, @Nullable TwoFactorCodeProvider onTwoFactor,
            SessionOptions options) {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        return new Session(LoginFlow.login(new HttpTransport(options), email, password, onTwoFactor));
    }

    /** Restores a session of Facebook's real service from saved cookies. */
    public static Session fromCookies(Map<String, String> cookies) {
        return fromCookies(cookies, SessionOptions.defaults());
    }

    /**
     * Restores a session from cookies saved with {@link #getCookies()}.
     *
     * @throws NotLoggedIn when the cookies no longer name a live session
     */
    public static Session fromCookies(Map<String, String> cookies, SessionOptions options) {
        HttpTransport transport = new HttpTransport(options);
        transport.putCookies(cookies);
        return new Session(LoginFlow.load(transport));
    }

    /**
     * A session that knows only the account's user id and makes no request: for parsing captured payloads offline
     * with {@link dev.fbchat.event.EventParser}, where the user id decides whose side a thread is seen from. Every
     * method that would reach Facebook throws {@link IllegalStateException}.
     */
    public static Session offline(String userId) {
        Objects.requireNonNull(userId, "userId");
        return new Session(FacebookRequests.offline(userId));
    }

    /**
     * A session that {@code maker} makes (logs in, restores cookies) the first time it is used: a request, its
     * {@link #user()}, its cookies. Until then it makes no request, so an application can start before it reaches
     * Facebook. The first use runs {@code maker} on the using thread, and concurrent uses wait for it; what it throws
     * is thrown to that use, and the next use calls it again. {@link #toString()} and {@link #isMade()} never call it.
     */
    public static Session onFirstUse(Supplier<Session> maker) {
        return new Session(Objects.requireNonNull(maker, "maker"));
    }

    /** Whether the session is made: always, but for one of {@link #onFirstUse} that is not used yet. */
    public boolean isMade() {
        return this.requests != null;
    }

    /** A session around already-loaded state, making no request: for this library's tests. */
    static Session of(FacebookRequests requests) {
        return new Session(requests);
    }

    /** The logged-in account. */
    public User user() {
        return new User(this, requests().userId());
    }

    /** The session's cookies by name, to save and pass to {@link #fromCookies} later. Secret: never log them. */
    public Map<String, String> getCookies() {
        return requests().transport().cookies();
    }

    /** Asks Facebook whether these cookies are still logged in (one request). */
    public boolean isLoggedIn() {
        FacebookRequests requests = requests();
        requests.requireOnline();
        HttpTransport transport = requests.transport();
        HttpTransport.Response response = transport.get(transport.endpoints().messenger("/login/")).requireSuccess();
        return transport.endpoints().messengerHome().equals(response.resolvedLocation());
    }

    /** Logs out, ending the session on Facebook's side; the cookies become useless. */
    public void logout() {
        FacebookRequests requests = requests();
        requests.requireOnline();
        HttpTransport transport = requests.transport();
        HttpTransport.Response response = transport
            .postForm(transport.endpoints().messenger("/logout/"), Map.of("fb_dtsg", requests.fbDtsg()))
            .requireSuccess();
        URI location = response.resolvedLocation();
        if (location == null) {
            throw new FacebookError("Failed logging out, was not redirected!");
        }
        if (!location.equals(transport.endpoints().messenger("/login/"))) {
            throw new FacebookError("Failed logging out, got bad redirect: " + location.getPath());
        }
    }

    /**
     * Continues as {@code renewed}, a new login of the same account: this session takes over its cookies and tokens,
     * so that this object, and every handle, {@link Client} and {@link dev.fbchat.listen.Listener} made from it, works
     * again after Facebook ended the session. Requests already under way finish with the old login. From now on
     * both objects share one state. The {@link dev.fbchat.listen.Listener} calls this with what its
     * {@link dev.fbchat.listen.SessionRenewal} returns.
     *
     * @throws IllegalArgumentException when {@code renewed} is logged in as another account
     */
    public void renewFrom(Session renewed) {
        Objects.requireNonNull(renewed, "renewed");
        FacebookRequests fresh = renewed.requests();
        FacebookRequests current = requests();
        if (!fresh.userId().equals(current.userId())) {
            throw new IllegalArgumentException("The renewed session is logged in as user " + fresh.userId()
                    + ", not as user " + current.userId());
        }
        this.requests = fresh;
    }

    /** Where this session's Facebook lives. */
    public Endpoints endpoints() {
        return requests().transport().endpoints();
    }

    /**
     * The request layer behind this session. <em>Internal</em>: used by this library's handles
     * and listener; its API may change in any release.
     */
    public FacebookRequests requests() {
        FacebookRequests made = this.requests;
        return made != null ? made : make();
    }

    private synchronized FacebookRequests make() {
        FacebookRequests made = this.requests;
        if (made == null) {
            Session session = Objects.requireNonNull(Objects.requireNonNull(this.maker).get(), "the session made");
            made = session.requests();
            this.requests = made;
            this.maker = null;
        }
        return made;
    }

    @Override
    public String toString() {
        FacebookRequests made = this.requests;
        return made != null ? "Session[user=" + made.userId() + "]" : "Session[not made yet]";
    }
}
