package dev.fbchat;

import org.jspecify.annotations.Nullable;

/**
 * A request failed at the HTTP level: no connection, or a 4xx/5xx status. The status is
 * {@code null} when no answer came at all.
 */
public class HTTPError extends FacebookError {

    private static final long serialVersionUID = 1L;

    private final String reason;

    private final @Nullable Integer statusCode;

    public HTTPError(String reason, @Nullable Integer statusCode) {
        super(statusCode == null ? reason : "Got " + statusCode + " response: " + reason);
        this.reason = reason;
        this.statusCode = statusCode;
    }

    public HTTPError(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
        this.statusCode = null;
    }

    /** What went wrong, without the status. */
    public String reason() {
        return this.reason;
    }

    /** The HTTP status, or {@code null} when the request got no answer. */
    public @Nullable Integer statusCode() {
        return this.statusCode;
    }
}
