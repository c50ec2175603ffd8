package dev.fbchat.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import dev.fbchat.Endpoints;
import dev.fbchat.HTTPError;
import dev.fbchat.SessionOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The HTTP side of a session: Spring's {@link RestClient} on the JDK's {@link HttpClient} with a cookie jar
 * ({@link CookieManager}), redirects left to the caller (Facebook's login is read from its redirects), Facebook's
 * headers, and HTTP failures mapped to {@link HTTPError}.
 * <p>
 * Nothing secret reaches a log, whatever the log levels: the JDK's client logs only when its own system properties
 * ({@code jdk.httpclient.HttpClient.log}) ask for it, and adds the cookies itself, out of sight of the
 * {@code RestClient}; request bodies (passwords, {@code fb_dtsg}) are handed to the {@code RestClient} as bytes,
 * which it logs as an array reference, never as text.
 */
public final class HttpTransport {

    private static final int MAX_REDIRECTS = 10;

    private static final MediaType FORM = MediaType.parseMediaType("application/x-www-form-urlencoded;charset=UTF-8");

    private final SessionOptions options;

    private final Endpoints endpoints;

    private final String userAgent;

    private final CookieManager cookieJar = new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER);

    private final RestClient restClient;

    public HttpTransport(SessionOptions options) {
        this.options = options;
        this.endpoints = options.endpoints();
        this.userAgent = options.userAgent();
        HttpClient httpClient = HttpClient.newBuilder()
            .cookieHandler(this.cookieJar)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(options.timeout())
            .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(options.timeout());
        RestClient.Builder builder = options.restClientBuilder() == null ? RestClient.builder()
                : options.restClientBuilder().clone();
        this.restClient = builder.requestFactory(requestFactory)
            .observationConvention(new FacebookRequestObservationConvention())
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
        StringJoiner body = new StringJoiner("&");
        form.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return post(uri, FORM, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A {@code multipart/form-data} POST: each form field a text part, then each file a part with its file name and
     * MIME type; a redirect is returned, not followed.
     */
    public Response postMultipart(URI uri, Map<String, String> form, List<FilePart> files) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        form.forEach(parts::part);
        for (FilePart file : files) {
            parts.part(file.name(), new ByteArrayResource(file.content()))
                .filename(file.filename())
                .contentType(MediaType.parseMediaType(file.mimeType()));
        }
        InMemoryMessage body = new InMemoryMessage();
        try {
            new FormHttpMessageConverter().write(parts.build(), MediaType.MULTIPART_FORM_DATA, body);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write a multipart body in memory", ex);
        }
        return post(uri, body.getHeaders().getContentType(), body.bytes());
    }

    private Response post(URI uri, @Nullable MediaType contentType, byte[] body) {
        RestClient.RequestBodySpec request = this.restClient.post().uri(uri);
        if (contentType != null) {
            request.contentType(contentType);
        }
        return exchange(request.body(body), uri);
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
                HttpCookie cookie = new HttpCookie(name, value);
                cookie.setDomain(domain);
                cookie.setPath("/");
                cookie.setVersion(0);
                this.cookieJar.getCookieStore().add(site, cookie);
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
        for (HttpCookie cookie : this.cookieJar.getCookieStore().getCookies()) {
            if (!cookie.hasExpired() && cookie.getDomain() != null
                    && HttpCookie.domainMatches(cookie.getDomain(), host.toLowerCase(Locale.ROOT))) {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        return cookies;
    }

    /** {@code www.messenger.com} shares cookies as {@code messenger.com}; an IP or a one-label host as itself. */
    private static String cookieDomain(String host) {
        boolean ip = host.chars().allMatch(c -> Character.isDigit(c) || c == '.') || host.contains(":");
        if (!ip && host.startsWith("www.") && host.indexOf('.', 4) > 0) {
            return host.substring(4);
        }
        return host;
    }

    /** A message written to memory: the multipart body and the content type (with its boundary) it was given. */
    private static final class InMemoryMessage implements HttpOutputMessage {

        private final HttpHeaders headers = new HttpHeaders();

        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        @Override
        public HttpHeaders getHeaders() {
            return this.headers;
        }

        @Override
        public OutputStream getBody() {
            return this.body;
        }

        byte[] bytes() {
            return this.body.toByteArray();
        }
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
