package dev.fbchat.internal.parse;

import dev.fbchat.ParseError;
import org.jspecify.annotations.Nullable;

/**
 * Facebook's JSON did not have the shape a parser reads: a field missing, {@code null} or of another type. Where fbchat
 * fails with Python's {@code KeyError}, {@code TypeError} or {@code ValueError}, this library raises this
 * {@link ParseError}; the event parser wraps it as fbchat wraps those errors ({@code "Error parsing delta"}).
 */
public final class DataShapeError extends ParseError {

    private static final long serialVersionUID = 1L;

    public DataShapeError(String message, @Nullable Object data) {
        super(message, data);
    }

    public DataShapeError(String message, @Nullable Object data, Throwable cause) {
        super(message, data, cause);
    }
}
