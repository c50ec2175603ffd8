package dev.fbchat;

import org.jspecify.annotations.Nullable;

/** A GraphQL query failed; {@link #debugInfo()} holds Facebook's debug text when it sent one. */
public class GraphQLError extends ExternalError {

    private static final long serialVersionUID = 1L;

    private final @Nullable String debugInfo;

    public GraphQLError(@Nullable String summary, String description, @Nullable Integer code, @Nullable String debugInfo) {
        super(summary, description, code, debugInfo == null || debugInfo.isEmpty() ? "" : ", " + debugInfo);
        this.debugInfo = debugInfo;
    }

    /** Facebook's debug text, or {@code null}. */
    public @Nullable String debugInfo() {
        return this.debugInfo;
    }
}
