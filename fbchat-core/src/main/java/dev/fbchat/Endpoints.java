package dev.fbchat;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where Facebook lives: every host this library talks to. {@link #FACEBOOK} is the real service;
 * {@link #local(URI)} points everything at one server, such as {@code fbchat-emulator}.
 *
 * @param messenger the Messenger web site ({@code https://www.messenger.com}): login, pages, API calls
 * @param facebook the Facebook web site ({@code https://www.facebook.com})
 * @param upload the upload host ({@code https://upload.messenger.com})
 * @param edgeChat the MQTT-over-WebSocket endpoint ({@code wss://edge-chat.messenger.com/chat})
 */
public record Endpoints(URI messenger, URI facebook, URI upload, URI edgeChat) {

    /** The real Facebook Messenger service. */
    public static final Endpoints FACEBOOK = new Endpoints(URI.create("https://www.messenger.com"),
            URI.create("https://www.facebook.com"), URI.create("https://upload.messenger.com"),
            URI.create("wss://edge-chat.messenger.com/chat"));

    public Endpoints {
        requireScheme("messenger", messenger, "http", "https");
        requireScheme("facebook", facebook, "http", "https");
        requireScheme("upload", upload, "http", "https");
        requireScheme("edgeChat", edgeChat, "ws", "wss");
    }

    /**
     * Every endpoint on one server: {@code base} for the web hosts and {@code ws(s)://<same
     * host>/chat} for MQTT.
     */
    public static Endpoints local(URI base) {
        URI root = stripTrailingSlash(base);
        String wsScheme = "https".equalsIgnoreCase(root.getScheme()) ? "wss" : "ws";
        return new Endpoints(root, root, root, URI.create(wsScheme + "://" + root.getRawAuthority() + "/chat"));
    }

    /** {@code path} on the Messenger web site, e.g. {@code messenger("/login/")}. */
    public URI messenger(String path) {
        return URI.create(stripTrailingSlash(this.messenger) + path);
    }

    /** {@code path} on the upload host, e.g. {@code upload("/ajax/mercury/upload.php")}. */
    public URI upload(String path) {
        return URI.create(stripTrailingSlash(this.upload) + path);
    }

    /** fbchat's {@code prefix_url}: a path starting with {@code /} on the Messenger web site; any other URL as it is. */
    public String prefixUrl(String url) {
        return url.startsWith("/") ? stripTrailingSlash(this.messenger) + url : url;
    }

    /** The Messenger home page, {@code https://www.messenger.com/}: where a successful login redirects. */
    public URI messengerHome() {
        return messenger("/");
    }

    private static URI stripTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    private static void requireScheme(String name, URI uri, String... schemes) {
        Objects.requireNonNull(uri, name);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        for (String allowed : schemes) {
            if (allowed.equals(scheme) && uri.getHost() != null) {
                return;
            }
        }
        throw new IllegalArgumentException(
                "Endpoint '" + name + "' must be an absolute " + String.join(" or ", schemes) + " URI, got: " + uri);
    }
}
