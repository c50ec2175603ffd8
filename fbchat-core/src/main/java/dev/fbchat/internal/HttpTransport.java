package dev.fbchat.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import dev.fbchat.Endpoints;
import dev.fbchat.HTTPError;
import dev.fbchat.SessionOptions;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.cookie.BasicClientCookie;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The HTTP side of a session: Spring's {@link RestClient} on Apache HttpClient with a cookie jar,
 * redirects left to the caller (Facebook's login is read from its redirects), Facebook's
 * headers, and HTTP failures mapped to {@link HTTPError}.
 */
public final class HttpTransport {

    private static final int MAX_REDIRECTS = 10;

    private final SessionOptions options;

    private final Endpoints endpoints;

    private final String userAgent;

    private final BasicCookieStore cookieStore = new BasicCookieStore();

    private final RestClient restClient;

    public HttpTransport(SessionOptions options) {
        this.options = options;
        this.endpoints = options.endpoints();
        this.userAgent = options.userAgent();
        Timeout timeout = Timeout.of(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        CloseableHttpClient httpClient = HttpClients.custom()
            .setDefaultCookieStore(this.cookieStore)
            .disableRedirectHandling()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).build())
                .build())
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
            .build();
        RestClient.Builder builder = options.restClientBuilder() == null ? RestClient.builder()
                : options.restClientBuilder().clone();
        this.restClient = builder.requestFactory(new HttpComponentsClientHttpRequestFactory(httpClient))
            .defaultHeader(HttpHeaders.USER_AGENT, this.userAgent)
            .defaultHeader(HttpHeaders.REFERER, this.endpoints.messengerHome().toString())
            .build();
    }

    /** The options this transport was built with. */
    public SessionOptions options() {
        return this.options;
    }

    /** Where Facebook lives. */
    public Endpoints endpoints() {
        return this.endpoints;
    }

    /** The {@code User-Agent} this session presents. */
    public String userAgent() {
        return this.userAgent;
    }

    /** A GET; a redirect is returned, not followed. */
    public Response get(URI uri) {
        return exchange(this.restClient.get().uri(uri), uri);
    }

    /** A GET that follows redirects to the final page. */
    public Response getFollowingRedirects(URI uri) {
        Response response = get(uri);
        for (int hops = 0; response.isRedirect(); hops++) {
            if (hops == MAX_REDIRECTS) {
                throw new HTTPError("Too many redirects from " + uri, response.status());
            }
            response = get(response.resolvedLocation());
        }
        return response;
    }

    /** A form POST ({@code application/x-www-form-urlencoded}); a redirect is returned, not followed. */
    public Response postForm(URI uri, Map<String, String> form) {
        MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
        form.forEach(body::add);
        return exchange(this.restClient.post().uri(uri).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(body), uri);
    }

    /**
     * A {@code multipart/form-data} POST: each form field a text part, then each file a part with its file name and
     * MIME type; a redirect is returned, not followed.
     */
    public Response postMultipart(URI uri, Map<String, String> form, List<FilePart> files) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        form.forEach(body::part);
        for (FilePart file : files) {
            body.part(file.name(), new ByteArrayResource(file.content()))
                .filename(file.filename())
                .contentType(MediaType.parseMediaType(file.mimeType()));
        }
        return exchange(this.restClient.post().uri(uri).contentType(MediaType.MULTIPART_FORM_DATA).body(body.build()),
                uri);
    }

    private Response exchange(RestClient.RequestHeadersSpec<?> request, URI uri) {
        try {
            return request.exchange((req, res) -> new Response(uri, res.getStatusCode().value(),
                    res.getHeaders().getFirst(HttpHeaders.LOCATION),
                    StreamUtils.copyToString(res.getBody(), StandardCharsets.UTF_8)), true);
        }
        catch (RestClientException ex) {
            throw new HTTPError("Error when sending request to " + uri.getPath() + ": " + ex.getMessage(), ex);
        }
    }

    /** The session's cookies by name (for the Messenger site), as fbchat's {@code get_cookies} gives them. */
    public Map<String, String> cookies() {
        return cookiesFor(this.endpoints.messenger().getHost());
    }

    /** The value of one cookie of the Messenger site, or {@code null}. */
    public @Nullable String cookie(String name) {
        return cookies().get(name);
    }

    /** Adds cookies for the Messenger and Facebook sites, as restored from a saved session. */
    public void putCookies(Map<String, String> cookies) {
        for (URI site : new URI[] { this.endpoints.messenger(), this.endpoints.facebook() }) {
            String domain = cookieDomain(site.getHost());
            cookies.forEach((name, value) -> {
                BasicClientCookie cookie = new BasicClientCookie(name, value);
                cookie.setDomain(domain);
                cookie.setAttribute(Cookie.DOMAIN_ATTR, domain);
                cookie.setPath("/");
                cookie.setAttribute(Cookie.PATH_ATTR, "/");
                this.cookieStore.addCookie(cookie);
            });
        }
    }

    /** The {@code Cookie} header a browser would send to {@code uri} (any scheme). */
    public String cookieHeader(URI uri) {
        StringJoiner header = new StringJoiner("; ");
        cookiesFor(uri.getHost()).forEach((name, value) -> header.add(name + "=" + value));
        return header.toString();
    }

    /** The unexpired cookies a browser would send to {@code host}, by name. */
    private Map<String, String> cookiesFor(String host) {
        Map<String, String> cookies = new LinkedHashMap<>();
        Instant now = Instant.now();
        for (Cookie cookie : this.cookieStore.getCookies()) {
            if (!cookie.isExpired(now) && domainMatches(cookie, host)) {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        return cookies;
    }

    private static boolean domainMatches(Cookie cookie, String host) {
        String domain = cookie.getDomain();
        if (domain == null) {
            return false;
        }
        domain = domain.startsWith(".") ? domain.substring(1) : domain;
        String lowerHost = host.toLowerCase(Locale.ROOT);
        domain = domain.toLowerCase(Locale.ROOT);
        return lowerHost.equals(domain) || (cookie.containsAttribute(Cookie.DOMAIN_ATTR) && lowerHost.endsWith("." + domain));
    }

    /** {@code www.messenger.com} shares cookies as {@code messenger.com}; an IP or a one-label host as itself. */
    private static String cookieDomain(String host) {
        boolean ip = host.chars().allMatch(c -> Character.isDigit(c) || c == '.') || host.contains(":");
        if (!ip && host.startsWith("www.") && host.indexOf('.', 4) > 0) {
            return host.substring(4);
        }
        return host;
    }

    /**
     * A file in a multipart POST.
     *
     * @param name the part's name ({@code upload_0})
     * @param filename the file's name
     * @param content the file's bytes
     * @param mimeType the file's MIME type
     */
    public record FilePart(String name, String filename, byte[] content, String mimeType) {
    }

    /**
     * One answer: status, {@code Location} header and body text.
     *
     * @param uri the requested URI
     * @param status the HTTP status
     * @param location the {@code Location} header, if any
     * @param body the body decoded as UTF-8 (Facebook's encoding)
     */
    public record Response(URI uri, int status, @Nullable String location, String body) {

        /** Whether this is a 3xx answer with a {@code Location}. */
        public boolean isRedirect() {
            return this.status >= 300 && this.status < 400 && this.location != null;
        }

        /** The {@code Location} resolved against the request URI, or {@code null}. */
        public @Nullable URI resolvedLocation() {
            return this.location == null ? null : this.uri.resolve(this.location);
        }

        /** Raises {@link HTTPError} for a 4xx or 5xx status, as fbchat's {@code handle_http_error}. */
        public Response requireSuccess() {
            HttpStatusErrors.check(this.status);
            return this;
        }

        @Override
        public String toString() {
            return "Response[" + this.status + " " + this.uri.getPath() + "]";
        }
    }
}
