package dev.fbchat.emulator.web;

import io.netty.handler.codec.http.FullHttpResponse;
import org.jspecify.annotations.Nullable;

/** A family of HTTP endpoints. */
interface Endpoints {

    /** The answer to the request, or {@code null} when the request is not for this family. */
    @Nullable FullHttpResponse answer(HttpExchange exchange);
}
