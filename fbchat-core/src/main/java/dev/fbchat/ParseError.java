package dev.fbchat;

import org.jspecify.annotations.Nullable;

/**
 * Facebook answered with something this library could not understand. The offending data is
 * kept in {@link #data()} for a bug report but is deliberately left out of the message, since
 * pages and payloads can hold session tokens.
 */
public class ParseError extends FacebookError {

    private static final long serialVersionUID = 1L;

    private final transient @Nullable Object data;

    public ParseError(String message, @Nullable Object data) {
        super(message);
        this.data = data;
    }

    public ParseError(String message, @Nullable Object data, Throwable cause) {
        super(message, cause);
        this.data = data;
    }

    /** The data that could not be parsed (a string, a JSON node, ...). Never logged by this library. */
    public @Nullable Object data() {
        return this.data;
    }
}
