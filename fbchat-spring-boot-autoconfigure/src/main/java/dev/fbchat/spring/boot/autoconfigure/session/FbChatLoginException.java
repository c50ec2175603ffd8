package dev.fbchat.spring.boot.autoconfigure.session;

import org.jspecify.annotations.Nullable;

/**
 * The bot could not get a Messenger session: at startup, or, for a session restored from saved cookies, at its first
 * use (normally the listener connecting). Names the configuration property to fix; the cause, when there is one, is
 * fbchat's error (such as {@link dev.fbchat.NotLoggedIn} with Facebook's explanation).
 */
public class FbChatLoginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String property;

    public FbChatLoginException(String property, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.property = property;
    }

    /** The property to fix, e.g. {@code fbchat.password}. */
    public String property() {
        return this.property;
    }
}
