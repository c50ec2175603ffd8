package dev.fbchat;

import org.jspecify.annotations.Nullable;

/**
 * Facebook asked for the page to be reloaded: the session's {@code fb_dtsg} token is stale
 * (error 1357004). A fresh token is fetched from the home page.
 */
public class PleaseRefresh extends ExternalError {

    private static final long serialVersionUID = 1L;

    /** Facebook's error code for this condition. */
    public static final int CODE = 1357004;

    public PleaseRefresh(@Nullable String summary, @Nullable String description, @Nullable Integer code) {
        super(summary, description, code);
    }
}
