package dev.fbchat;

import org.jspecify.annotations.Nullable;

/**
 * Facebook reported an error in its answer. {@link #summary()} is Facebook's short title,
 * {@link #description()} its explanation and {@link #code()} its numeric error code.
 */
public class ExternalError extends FacebookError {

    private static final long serialVersionUID = 1L;

    private final @Nullable String summary;

    private final @Nullable String description;

    private final @Nullable Integer code;

    public ExternalError(@Nullable String summary, @Nullable String description, @Nullable Integer code) {
        this(summary, description, code, "");
    }

    protected ExternalError(@Nullable String summary, @Nullable String description, @Nullable Integer code,
            String suffix) {
        super((code == null || code == 0 ? "" : "#" + code + " ") + (summary == null ? "None" : summary) + ": "
                + (description == null ? "None" : description) + suffix);
        this.summary = summary;
        this.description = description;
        this.code = code;
    }

    /** Facebook's short title of the error, e.g. {@code "Invalid action"}; {@code null} when it sent none. */
    public @Nullable String summary() {
        return this.summary;
    }

    /** Facebook's explanation of the error; {@code null} when it sent none. */
    public @Nullable String description() {
        return this.description;
    }

    /** Facebook's error code, when it gave one. */
    public @Nullable Integer code() {
        return this.code;
    }
}
