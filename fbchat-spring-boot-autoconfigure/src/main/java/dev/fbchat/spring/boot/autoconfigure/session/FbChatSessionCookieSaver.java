package dev.fbchat.spring.boot.autoconfigure.session;

import dev.fbchat.Session;
import dev.fbchat.spring.FbChatCookieStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Saves the session's cookies when the application shuts down, so the next start reuses them; a session never used
 * (and so never restored from the saved cookies) leaves them as they are.
 */
public final class FbChatSessionCookieSaver implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FbChatSessionCookieSaver.class);

    private final Session session;

    private final FbChatCookieStore cookieStore;

    public FbChatSessionCookieSaver(Session session, FbChatCookieStore cookieStore) {
        this.session = session;
        this.cookieStore = cookieStore;
    }

    @Override
    public void destroy() {
        if (!this.session.isMade()) {
            return;
        }
        try {
            this.cookieStore.save(this.session.getCookies());
        }
        catch (RuntimeException ex) {
            // A store's exception text could quote what it was given; name the failure, not the data.
            log.warn("Could not save the session's cookies at shutdown to {} ({}{})", this.cookieStore.description(),
                    ex.getClass().getSimpleName(), ex.getCause() == null ? "" : ": " + ex.getCause().getClass().getSimpleName());
        }
    }
}
