package dev.fbchat.emulator.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.fbchat.emulator.world.EmulatorJson;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the emulator's HTTP answers. */
final class HttpAnswers {

    /** What Facebook puts before JSON so that it cannot be run as a script. */
    static final String JSON_CRUFT = "for (;;);";

    private HttpAnswers() {
    }

    static FullHttpResponse html(String html) {
        return text(HttpResponseStatus.OK, "text/html; charset=utf-8", html);
    }

    /** A {@code 302} to {@code location}, setting {@code cookies}. */
    static FullHttpResponse redirect(String location, List<Cookie> cookies) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FOUND);
        response.headers().set(HttpHeaderNames.LOCATION, location);
        response.headers().add(HttpHeaderNames.SET_COOKIE, ServerCookieEncoder.STRICT.encode(cookies));
        return response;
    }

    /** A {@code for (;;);}-prefixed JSON answer, as the {@code /api}, {@code /ajax} and {@code /messaging} paths give. */
    static FullHttpResponse payload(JsonNode json) {
        return text(HttpResponseStatus.OK, "application/x-javascript; charset=utf-8",
                JSON_CRUFT + EmulatorJson.MAPPER.writeValueAsString(json));
    }

    /** A Facebook error payload, such as {@code 1357001} "Not logged in". */
    static FullHttpResponse payloadError(int code, String summary, String description) {
        ObjectNode error = EmulatorJson.MAPPER.createObjectNode();
        error.put("error", code);
        error.put("errorSummary", summary);
        error.put("errorDescription", description);
        return payload(error);
    }

    /** Plain JSON, as the driver API answers. */
    static FullHttpResponse json(HttpResponseStatus status, Object value) {
        return text(status, "application/json", EmulatorJson.MAPPER.writeValueAsString(value));
    }

    /** A driver API error: {@code {"error": text}}. */
    static FullHttpResponse jsonError(HttpResponseStatus status, String message) {
        return json(status, EmulatorJson.MAPPER.createObjectNode().put("error", message));
    }

    static FullHttpResponse text(HttpResponseStatus status, String contentType, String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        return response;
    }
}
