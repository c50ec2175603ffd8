package dev.fbchat.spring.boot.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The checks of {@link FbChatProperties}: each error is rejected on its property's path, so that Spring Boot's
 * failure analysis names {@code fbchat.<path>} and the fix. A credential's value never appears in a message.
 */
final class FbChatPropertiesValidation {

    /** A whole value that is a placeholder left unresolved, such as {@code ${FBCHAT_PASSWORD}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}");

    private FbChatPropertiesValidation() {
    }

    static void validate(FbChatProperties properties, Errors errors) {
        unresolved(errors, "email", properties.getEmail());
        unresolved(errors, "password", properties.getPassword());
        unresolved(errors, "twoFactor.totpSecret", properties.getTwoFactor().getTotpSecret());
        positive(errors, "timeout", properties.getTimeout());
        FbChatProperties.Listener listener = properties.getListener();
        positive(errors, "listener.keepAlive", listener.getKeepAlive());
        positive(errors, "listener.reconnectInitialDelay", listener.getReconnectInitialDelay());
        positive(errors, "listener.reconnectMaxDelay", listener.getReconnectMaxDelay());
        if (positive(listener.getReconnectInitialDelay()) && positive(listener.getReconnectMaxDelay())
                && listener.getReconnectInitialDelay().compareTo(listener.getReconnectMaxDelay()) > 0) {
            errors.rejectValue("listener.reconnectMaxDelay", "fbchat.order",
                    "must not be shorter than fbchat.listener.reconnect-initial-delay");
        }
        positive(errors, "listener.shutdownTimeout", listener.getShutdownTimeout());
        atLeastOne(errors, "listener.concurrency", listener.getConcurrency());
        atLeastOne(errors, "listener.queueCapacity", listener.getQueueCapacity());
        FbChatProperties.Send send = properties.getSend();
        if (send.getPerThread() < 0) {
            errors.rejectValue("send.perThread", "fbchat.positive", "must be 0 (no limit) or more");
        }
        if (send.getPerAccount() < 0) {
            errors.rejectValue("send.perAccount", "fbchat.positive", "must be 0 (no limit) or more");
        }
        positive(errors, "send.perThreadPeriod", send.getPerThreadPeriod());
        positive(errors, "send.perAccountPeriod", send.getPerAccountPeriod());
        int port = properties.getEmulator().getPort();
        if (port < 0 || port > 65_535) {
            errors.rejectValue("emulator.port", "fbchat.port", "must be a port from 0 (any free one) to 65535");
        }
        FbChatProperties.Endpoints endpoints = properties.getEndpoints();
        if (endpoints.getBaseUrl() != null) {
            endpoint(errors, "endpoints.baseUrl", endpoints.getBaseUrl(), List.of("http", "https"));
        }
        endpoint(errors, "endpoints.messenger", endpoints.getMessenger(), List.of("http", "https"));
        endpoint(errors, "endpoints.facebook", endpoints.getFacebook(), List.of("http", "https"));
        endpoint(errors, "endpoints.upload", endpoints.getUpload(), List.of("http", "https"));
        endpoint(errors, "endpoints.edgeChat", endpoints.getEdgeChat(), List.of("ws", "wss"));
    }

    private static void unresolved(Errors errors, String path, @Nullable String value) {
        if (value == null) {
            return;
        }
        Matcher placeholder = PLACEHOLDER.matcher(value.strip());
        if (placeholder.matches()) {
            errors.rejectValue(path, "fbchat.placeholder", "is the placeholder ${" + placeholder.group(1)
                    + "}, which nothing resolved: set the environment variable or property " + placeholder.group(1));
        }
    }

    private static void positive(Errors errors, String path, @Nullable Duration value) {
        if (!positive(value)) {
            errors.rejectValue(path, "fbchat.positive", "must be a positive duration, such as 10s");
        }
    }

    private static boolean positive(@Nullable Duration value) {
        return value != null && !value.isNegative() && !value.isZero();
    }

    private static void atLeastOne(Errors errors, String path, int value) {
        if (value < 1) {
            errors.rejectValue(path, "fbchat.positive", "must be 1 or more");
        }
    }

    private static void endpoint(Errors errors, String path, @Nullable URI value, List<String> schemes) {
        String scheme = value == null || value.getScheme() == null ? null : value.getScheme().toLowerCase(Locale.ROOT);
        if (value == null || scheme == null || !schemes.contains(scheme) || value.getHost() == null) {
            errors.rejectValue(path, "fbchat.endpoint", "must be an absolute " + String.join(" or ", schemes)
                    + " URL with a host, such as " + schemes.get(0) + "://127.0.0.1:8765");
        }
    }
}
