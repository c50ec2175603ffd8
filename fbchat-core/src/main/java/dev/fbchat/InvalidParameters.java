package dev.fbchat;

import org.jspecify.annotations.Nullable;

/** Facebook rejected the request's parameters, for example an unknown thread or an empty message. */
public class InvalidParameters extends ExternalError {

    private static final long serialVersionUID = 1L;

    public InvalidParameters(@Nullable String summary, @Nullable String description, @Nullable Integer code) {
        super(summary, description, code);
    }
}
