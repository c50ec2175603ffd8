package dev.fbchat.internal;

import java.time.Duration;
import java.util.function.Supplier;

import dev.fbchat.HTTPError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a request that is safe to repeat (a read, or a send that carries its client-made ids, which Facebook uses to
 * recognise a repeat) again when it got no answer (the connection was refused, reset or timed out) or a 5xx status:
 * at most {@value #MAX_ATTEMPTS} attempts, the waits between them a {@link Backoff} from 100–200 ms doubling up to
 * 0.8–1.6 s. Any other failure, and the last one, is thrown as it is.
 */
public final class RepeatableRequests {

    /** The most attempts of one request. */
    public static final int MAX_ATTEMPTS = 5;

    private static final Duration FIRST_WAIT = Duration.ofMillis(200);

    private static final Duration LAST_WAIT = Duration.ofMillis(1600);

    private static final Logger log = LoggerFactory.getLogger(RepeatableRequests.class);

    private RepeatableRequests() {
    }

    /**
     * Runs {@code request}, again on a failure that may be passing.
     *
     * @param what the request, for the log (a path, never its data)
     */
    public static <T> T retrying(String what, Supplier<T> request) {
        Backoff backoff = new Backoff(FIRST_WAIT, LAST_WAIT);
        for (int attempt = 1;; attempt++) {
            try {
                return request.get();
            }
            catch (HTTPError ex) {
                if (attempt == MAX_ATTEMPTS || !passing(ex)) {
                    throw ex;
                }
                Duration wait = backoff.next();
                log.info("{} failed ({}); repeating it in {} ms, attempt {} of {}", what,
                        ex.statusCode() == null ? "no answer" : "status " + ex.statusCode(), wait.toMillis(),
                        attempt + 1, MAX_ATTEMPTS);
                sleep(wait.toMillis());
            }
        }
    }

    /** Whether the failure may pass: no answer at all, or a server error. */
    private static boolean passing(HTTPError error) {
        return error.statusCode() == null || error.statusCode() >= 500;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new HTTPError("Interrupted while waiting to repeat a request", ex);
        }
    }
}
