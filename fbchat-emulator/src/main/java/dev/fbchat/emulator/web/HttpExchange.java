package dev.fbchat.emulator.web;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import org.jspecify.annotations.Nullable;

/** One HTTP request, read the way the endpoints need it: path, form fields, cookies, host. */
final class HttpExchange {

    private final FullHttpRequest request;

    private final String path;

    private @Nullable Map<String, String> form;

    HttpExchange(FullHttpRequest request) {
        this.request = request;
        this.path = new QueryStringDecoder(request.uri()).path();
    }

    /** The path without the query string. */
    String path() {
        return this.path;
    }

    boolean is(HttpMethod method, String path) {
        return this.request.method().equals(method) && this.path.equals(path);
    }

    HttpMethod method() {
        return this.request.method();
    }

    /** The body as UTF-8 text. */
    String body() {
        return this.request.content().toString(StandardCharsets.UTF_8);
    }

    /** A field of the url-encoded form body, or {@code null}. */
    @Nullable String formField(String name) {
        if (this.form == null) {
            Map<String, String> fields = new LinkedHashMap<>();
            new QueryStringDecoder(body(), StandardCharsets.UTF_8, false).parameters()
                .forEach((key, values) -> fields.put(key, values.get(values.size() - 1)));
            this.form = fields;
        }
        return this.form.get(name);
    }

    /** Every field of the url-encoded form body, in order (the last value of a repeated name). */
    Map<String, String> formFields() {
        formField("");
        return Collections.unmodifiableMap(new LinkedHashMap<>(this.form));
    }

    /** The first value of a query-string parameter, or {@code null}. */
    @Nullable String queryParameter(String name) {
        List<String> values = new QueryStringDecoder(this.request.uri()).parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every request cookie, by name. */
    Map<String, String> cookies() {
        return cookies(this.request.headers().getAll(HttpHeaderNames.COOKIE));
    }

    /** The value of a request cookie, or {@code null}. */
    @Nullable String cookie(String name) {
        return cookies(this.request.headers().getAll(HttpHeaderNames.COOKIE)).get(name);
    }

    /** The origin of absolute redirects: {@code http://} and the {@code Host} header. */
    String origin() {
        String host = this.request.headers().get(HttpHeaderNames.HOST);
        return "http://" + (host == null ? "localhost" : host);
    }

    /** Reads {@code Cookie} headers into a map from name to value. */
    static Map<String, String> cookies(List<String> headers) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : headers) {
            for (Cookie cookie : ServerCookieDecoder.LAX.decode(header)) {
                cookies.put(cookie.name(), cookie.value());
            }
        }
        return cookies;
    }
}
