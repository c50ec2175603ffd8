package dev.fbchat.emulator.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import org.jspecify.annotations.Nullable;

/** One HTTP request, read the way the endpoints need it: path, form fields, cookies, host. */
final class HttpExchange {

    private final FullHttpRequest request;

    private final String path;

    private @Nullable Map<String, String> form;

    private List<UploadedPart> files = List.of();

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

    /** A field of the form body (url-encoded, or the text parts of a multipart body), or {@code null}. */
    @Nullable String formField(String name) {
        if (this.form == null) {
            Map<String, String> fields = new LinkedHashMap<>();
            if (isMultipart()) {
                this.files = readMultipart(fields);
            }
            else {
                new QueryStringDecoder(body(), StandardCharsets.UTF_8, false).parameters()
                    .forEach((key, values) -> fields.put(key, values.get(values.size() - 1)));
            }
            this.form = fields;
        }
        return this.form.get(name);
    }

    /** The file parts of a multipart body, in order (none for any other body). */
    List<UploadedPart> files() {
        formField("");
        return this.files;
    }

    private boolean isMultipart() {
        String type = this.request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    /** Reads a multipart body with Netty's decoder: its text parts into {@code fields}, its files returned. */
    private List<UploadedPart> readMultipart(Map<String, String> fields) {
        List<UploadedPart> parts = new ArrayList<>();
        FullHttpRequest copy = this.request.retainedDuplicate();
        HttpPostRequestDecoder decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), copy,
                StandardCharsets.UTF_8);
        try {
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (data instanceof FileUpload file) {
                    parts.add(new UploadedPart(file.getName(), file.getFilename(), file.getContentType(), file.get()));
                }
                else if (data instanceof Attribute attribute) {
                    fields.put(attribute.getName(), attribute.getValue());
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            // a body that does not decode has no fields: the endpoint answers as to a request without them
            parts.clear();
            fields.clear();
        }
        finally {
            decoder.destroy();
            copy.release();
        }
        return List.copyOf(parts);
    }

    /**
     * A file part of a multipart body.
     *
     * @param name the part's name ({@code upload_0})
     * @param filename the file's name
     * @param contentType the part's MIME type
     * @param content the bytes
     */
    record UploadedPart(String name, String filename, String contentType, byte[] content) {
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
