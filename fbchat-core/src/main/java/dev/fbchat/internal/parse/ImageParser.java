package dev.fbchat.internal.parse;

import dev.fbchat.attachment.Image;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Parses {@link Image} ({@code Image._from_uri}, {@code _from_url} and their {@code _or_none} forms). */
public final class ImageParser {

    private ImageParser() {
    }

    /** An image from {@code {"uri", "width", "height"}}. */
    public static Image fromUri(@Nullable JsonNode data) {
        return of(data, "uri");
    }

    /** An image from {@code {"url", "width", "height"}}. */
    public static Image fromUrl(@Nullable JsonNode data) {
        return of(data, "url");
    }

    /** {@link #fromUri}, or {@code null} when there is no data or no {@code uri}. */
    public static @Nullable Image fromUriOrNull(@Nullable JsonNode data) {
        return data == null || data.isNull() || Py.get(data, "uri") == null ? null : fromUri(data);
    }

    /** {@link #fromUrl}, or {@code null} when there is no data or no {@code url}. */
    public static @Nullable Image fromUrlOrNull(@Nullable JsonNode data) {
        return data == null || data.isNull() || Py.get(data, "url") == null ? null : fromUrl(data);
    }

    private static Image of(@Nullable JsonNode data, String urlField) {
        String url = Py.strOrNull(Py.req(data, urlField));
        return new Image(url, dimension(data, "width"), dimension(data, "height"));
    }

    private static @Nullable Integer dimension(@Nullable JsonNode data, String field) {
        return Py.truthy(data, field) ? Py.toIntValue(Py.get(data, field)) : null;
    }
}
