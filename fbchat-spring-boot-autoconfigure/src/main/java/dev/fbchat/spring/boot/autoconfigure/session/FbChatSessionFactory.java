package dev.fbchat.spring.boot.autoconfigure.session;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import dev.fbchat.NotLoggedIn;
import dev.fbchat.ParseError;
import dev.fbchat.Session;
import dev.fbchat.SessionOptions;
import dev.fbchat.TwoFactorCodeProvider;
import dev.fbchat.event.LoggedOut;
import dev.fbchat.listen.SessionRenewal;
import dev.fbchat.spring.FbChatCookieStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the bot a Messenger session: the saved cookies when they still log in, otherwise a login with email and
 * password; the session's cookies are then saved for the next start. The same steps log in again when Facebook ends
 * the session while the bot listens ({@link SessionRenewal}): the listener's {@link Session}, the application's
 * {@code Session} bean, takes the new login over, so every bean holding it keeps working.
 */
public final class FbChatSessionFactory implements SessionRenewal {

    private static final Logger log = LoggerFactory.getLogger(FbChatSessionFactory.class);

    private final FbChatCookieStore cookieStore;

    private final Supplier<SessionOptions> options;

    private final @Nullable String email;

    private final @Nullable String password;

    private final @Nullable TwoFactorCodeProvider twoFactor;

    public FbChatSessionFactory(FbChatCookieStore cookieStore, SessionOptions options, @Nullable String email,
            @Nullable String password, @Nullable TwoFactorCodeProvider twoFactor) {
        this(cookieStore, () -> options, email, password, twoFactor);
    }

    /**
     * A factory whose session options are asked for at the first restore or login, not before: Spring Boot's
     * {@code RestClient.Builder} in them is then made on the thread that first uses the session.
     */
    public FbChatSessionFactory(FbChatCookieStore cookieStore, Supplier<SessionOptions> options,
            @Nullable String email, @Nullable String password, @Nullable TwoFactorCodeProvider twoFactor) {
        this.cookieStore = cookieStore;
        this.options = options;
        this.email = email;
        this.password = password;
        this.twoFactor = twoFactor;
    }

    /**
     * The application's session. With saved cookies ({@link FbChatCookieStore#hasSavedCookies()}) it is a session of
     * {@link Session#onFirstUse}: nothing is read or requested while the application starts, and the first use,
     * normally the listener connecting in the background, restores the cookies or, when they no longer log in, logs in
     * ({@link #create()}); a {@link FbChatLoginException} is then thrown to that use. Without saved cookies it logs in
     * now, so that wrong credentials stop the start.
     *
     * @throws FbChatLoginException when there are no saved cookies and the credentials do not log in
     */
    public Session session() {
        return this.cookieStore.hasSavedCookies() ? Session.onFirstUse(this::create) : create();
    }

    /**
     * A logged-in session, now.
     *
     * @throws FbChatLoginException when neither saved cookies nor the credentials log in
     */
    public Session create() {
        Session restored = fromSavedCookies();
        if (restored != null) {
            return restored;
        }
        if (!hasText(this.email) || !hasText(this.password)) {
            throw new FbChatLoginException(hasText(this.email) ? "fbchat.password" : "fbchat.email",
                    "No saved cookies log in (" + this.cookieStore.description() + ") and no credentials are configured: "
                            + "set fbchat.email and fbchat.password",
                    null);
        }
        try {
            Session session = logIn();
            this.cookieStore.save(session.getCookies());
            return session;
        }
        catch (NotLoggedIn ex) {
            throw new FbChatLoginException("fbchat.password",
                    "Logging in as " + this.email + " failed: " + ex.getMessage()
                            + " (check fbchat.password and fbchat.email)",
                    ex);
        }
    }

    /**
     * Logs in again after Facebook ended the session: the saved cookies first (another instance may have saved a live
     * session), then email and password; saves the new cookies.
     *
     * @throws NotLoggedIn when neither logs in (no credentials, a wrong password): the listener stops
     * @throws dev.fbchat.FacebookError when Facebook cannot be reached: the listener tries again later
     */
    @Override
    public Session renew(LoggedOut loggedOut) {
        Session restored = fromSavedCookies();
        if (restored != null) {
            return restored;
        }
        if (!hasText(this.email) || !hasText(this.password)) {
            throw new NotLoggedIn("The saved cookies no longer log in and no credentials are configured to log in again: "
                    + "set fbchat.email and fbchat.password");
        }
        Session session = logIn();
        try {
            this.cookieStore.save(session.getCookies());
        }
        catch (RuntimeException ex) {
            // The session works; the next start logs in again. Name the failure, never the data.
            log.warn("Could not save the renewed session's cookies to {} ({})", this.cookieStore.description(), ex.getClass().getSimpleName());
        }
        return session;
    }

    /** The session of the saved cookies, or {@code null} when there are none or they no longer log in. */
    private @Nullable Session fromSavedCookies() {
        Optional<Map<String, String>> saved = this.cookieStore.load();
        if (saved.isEmpty()) {
            return null;
        }
        try {
            Session session = Session.fromCookies(saved.get(), this.options.get());
            log.info("Restored the Messenger session of user {} from saved cookies", session.user().id());
            Map<String, String> current = session.getCookies();
            if (!current.equals(saved.get())) {
                this.cookieStore.save(current); // Facebook renewed some while the session loaded
            }
            return session;
        }
        catch (NotLoggedIn | ParseError ex) {
            log.info("Saved cookies no longer log in ({}); logging in with fbchat.email", ex.getClass().getSimpleName());
            return null;
        }
    }

    private Session logIn() {
        Session session = Session.login(Objects.requireNonNull(this.email), Objects.requireNonNull(this.password),
                this.twoFactor, this.options.get());
        log.info("Logged in to Messenger as user {}", session.user().id());
        return session;
    }

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "FbChatSessionFactory[email=" + this.email + ", password=" + (this.password == null ? "unset" : "******")
                + ", cookieStore=" + this.cookieStore.description() + "]";
    }
}
