package dev.fbchat;

/**
 * Base of every error this library raises about Facebook: a failed request, an answer that
 * could not be parsed, an error reported by Facebook. Mirrors fbchat's {@code FacebookError}.
 */
public class FacebookError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FacebookError(String message) {
        super(message);
    }

    public FacebookError(String message, Throwable cause) {
        super(message, cause);
    }
}
