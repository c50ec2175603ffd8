package dev.fbchat;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.web.client.RestClient;

/**
 * How a {@link Session} reaches Facebook: the endpoints, the browser it claims to be, request
 * timeouts, optionally the {@link RestClient.Builder} to build its HTTP client from (Spring
 * Boot's, so that observations and metrics apply; cloned, never changed), and overrides of
 * Facebook's volatile {@link ProtocolConstant}s.
 *
 * @param endpoints where Facebook lives
 * @param userAgent the {@code User-Agent} sent with every request and the MQTT connection
 * @param timeout connect and response timeout of each HTTP request
 * @param restClientBuilder the builder to start from, or {@code null} for a plain one
 * @param protocolOverrides protocol constants that replace this release's defaults
 * @param sendPacing how fast messages may be sent
 */
public record SessionOptions(Endpoints endpoints, String userAgent, Duration timeout,
        RestClient.@Nullable Builder restClientBuilder, Map<ProtocolConstant, String> protocolOverrides,
        SendPacing sendPacing) {

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
        Objects.requireNonNull(sendPacing, "sendPacing");
        protocolOverrides = protocolOverrides.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(protocolOverrides));
    }

    /** Facebook's real endpoints, the default agent, 30 s timeouts, no send pacing. */
    public static SessionOptions defaults() {
        return new SessionOptions(Endpoints.FACEBOOK, DEFAULT_USER_AGENT, Duration.ofSeconds(30), null, Map.of(),
                SendPacing.UNLIMITED);
    }

    /** These options pacing sends as {@code pacing} says. */
    public SessionOptions withSendPacing(SendPacing pacing) {
        return new SessionOptions(this.endpoints, this.userAgent, this.timeout, this.restClientBuilder,
                this.protocolOverrides, pacing);
    }

    /** These options with other endpoints. */
    public SessionOptions withEndpoints(Endpoints endpoints) {
        return new SessionOptions(endpoints, this.userAgent, this.timeout, this.restClientBuilder, this.protocolOverrides,
                this.sendPacing);
    }

    /** These options with another user agent. */
    public SessionOptions withUserAgent(String userAgent) {
        return new SessionOptions(this.endpoints, userAgent, this.timeout, this.restClientBuilder, this.protocolOverrides,
                this.sendPacing);
    }

    /** These options with another request timeout. */
    public SessionOptions withTimeout(Duration timeout) {
        return new SessionOptions(this.endpoints, this.userAgent, timeout, this.restClientBuilder, this.protocolOverrides,
                this.sendPacing);
    }

    /** These options building HTTP clients from {@code builder} (cloned). */
    public SessionOptions withRestClientBuilder(RestClient.Builder builder) {
        return new SessionOptions(this.endpoints, this.userAgent, this.timeout, builder, this.protocolOverrides,
                this.sendPacing);
    }

    /**
     * These options with {@code constant} set to {@code value}, e.g. a GraphQL document id Facebook changed.
     *
     * @throws IllegalArgumentException when {@code value} is blank
     */
    public SessionOptions withProtocolConstant(ProtocolConstant constant, String value) {
        Objects.requireNonNull(constant, "constant");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Protocol constant " + constant + " must not be blank");
        }
        Map<ProtocolConstant, String> overrides = new EnumMap<>(ProtocolConstant.class);
        overrides.putAll(this.protocolOverrides);
        overrides.put(constant, value);
        return new SessionOptions(this.endpoints, this.userAgent, this.timeout, this.restClientBuilder, overrides,
                this.sendPacing);
    }

    /** The value of {@code constant}: its override, or this release's default. */
    public String protocolConstant(ProtocolConstant constant) {
        return this.protocolOverrides.getOrDefault(constant, constant.defaultValue());
    }
}
