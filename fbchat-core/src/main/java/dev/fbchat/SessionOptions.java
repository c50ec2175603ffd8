package dev.fbchat;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.web.client.RestClient;

/**
 * How a {@link Session} reaches Facebook: the endpoints, the browser it claims to be, request
 * timeouts, and optionally the {@link RestClient.Builder} to build its HTTP client from (Spring
 * Boot's, so that observations and metrics apply). The builder is cloned, never changed.
 *
 * @param endpoints where Facebook lives
 * @param userAgent the {@code User-Agent} sent with every request and the MQTT connection
 * @param timeout connect and response timeout of each HTTP request
 * @param restClientBuilder the builder to start from, or {@code null} for a plain one
 */
public record SessionOptions(Endpoints endpoints, String userAgent, Duration timeout,
        RestClient.@Nullable Builder restClientBuilder) {

    /** A current desktop browser; Facebook serves its pages differently to unknown agents. */
    public static final String DEFAULT_USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
            + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    public SessionOptions {
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /** Facebook's real endpoints, the default agent, 30 s timeouts. */
    public static SessionOptions defaults() {
        return new SessionOptions(Endpoints.FACEBOOK, DEFAULT_USER_AGENT, Duration.ofSeconds(30), null);
    }

    /** These options with other endpoints. */
    public SessionOptions withEndpoints(Endpoints endpoints) {
        return new SessionOptions(endpoints, this.userAgent, this.timeout, this.restClientBuilder);
    }

    /** These options with another user agent. */
    public SessionOptions withUserAgent(String userAgent) {
        return new SessionOptions(this.endpoints, userAgent, this.timeout, this.restClientBuilder);
    }

    /** These options with another request timeout. */
    public SessionOptions withTimeout(Duration timeout) {
        return new SessionOptions(this.endpoints, this.userAgent, timeout, this.restClientBuilder);
    }

    /** These options building HTTP clients from {@code builder} (cloned). */
    public SessionOptions withRestClientBuilder(RestClient.Builder builder) {
        return new SessionOptions(this.endpoints, this.userAgent, this.timeout, builder);
    }
}
