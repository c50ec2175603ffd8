package dev.fbchat.spring.boot.autoconfigure.session;

import java.util.Map;
import java.util.Optional;

import dev.fbchat.NotLoggedIn;
import dev.fbchat.ParseError;
import dev.fbchat.Session;
import dev.fbchat.SessionOptions;
import dev.fbchat.TwoFactorCodeProvider;
import dev.fbchat.spring.FbChatCookieStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the bot a Messenger session: the saved cookies when they still log in, otherwise a login
 * with email and password; the session's cookies are then saved for the next start.
 */
public final class FbChatSessionFactory {

    private static final Logger log = LoggerFactory.getLogger(FbChatSessionFactory.class);

    private final FbChatCookieStore cookieStore;

    private final SessionOptions options;

    private final @Nullable String email;

    private final @Nullable String password;

    private final @Nullable TwoFactorCodeProvider twoFactor;

    public FbChatSessionFactory(FbChatCookieStore cookieStore, SessionOptions options, @Nullable String email,
            @Nullable String password, @Nullable TwoFactorCodeProvider twoFactor) {
        this.cookieStore = cookieStore;
        this.options = options;
        this.email = email;
        this.password = password;
        this.twoFactor = twoFactor;
    }

    /**
     * A logged-in session.
     *
     * @throws FbChatLoginException when neither saved cookies nor the credentials log in
     */
    public Session create() {
        Optional<Map<String, String>> saved = this.cookieStore.load();
        if (saved.isPresent()) {
            try {
                Session session = Session.fromCookies(saved.get(), this.options);
                log.info("Restored the Messenger session of user {} from saved cookies", session.user().id());
                Map<String, String> current = session.getCookies();
                if (!current.equals(saved.get())) {
                    this.cookieStore.save(current); // Facebook renewed some while the session loaded
                }
                return session;
            }
            catch (NotLoggedIn | ParseError ex) {
                log.info("Saved cookies no longer log in ({}); logging in with fbchat.email", ex.getClass().getSimpleName());
            }
        }
        if (!hasText(this.email) || !hasText(this.password)) {
            throw new FbChatLoginException(hasText(this.email) ? "fbchat.password" : "fbchat.email",
                    "No saved cookies log in (" + this.cookieStore + ") and no credentials are configured: "
                            + "set fbchat.email and fbchat.password",
                    null);
        }
        try {
            Session session = Session.login(this.email, this.password, this.twoFactor, this.options);
            log.info("Logged in to Messenger as user {}", session.user().id());
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

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
