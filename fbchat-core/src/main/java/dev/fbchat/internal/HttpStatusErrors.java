package dev.fbchat.internal;

import dev.fbchat.HTTPError;

/** Maps an HTTP status to fbchat's {@link HTTPError}s ({@code handle_http_error}). */
public final class HttpStatusErrors {

    private HttpStatusErrors() {
    }

    /** Throws for 4xx and 5xx statuses (404 and 500 with their own explanations); returns for any other. */
    public static void check(int status) {
        if (status == 404) {
            throw new HTTPError("This might be because you provided an invalid id (Facebook usually require integer ids)",
                    status);
        }
        if (status == 500) {
            throw new HTTPError("There is probably an error on the endpoint, or it might be rate limited", status);
        }
        if (status >= 400 && status < 600) {
            throw new HTTPError("Failed sending request", status);
        }
    }
}
