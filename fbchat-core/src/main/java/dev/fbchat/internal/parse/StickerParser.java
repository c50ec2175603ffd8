package dev.fbchat.internal.parse;

import dev.fbchat.attachment.Sticker;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Parses {@link Sticker} ({@code Sticker._from_graphql}). */
public final class StickerParser {

    private StickerParser() {
    }

    /** A sticker, or {@code null} for empty data. */
    public static @Nullable Sticker fromGraphql(@Nullable JsonNode data) {
        if (!Py.truthy(data)) {
            return null;
        }
        boolean animated = Py.truthy(data, "sprite_image");
        return new Sticker(Py.strOrNull(Py.req(data, "id")),
                Py.truthy(data, "pack") ? Py.text(Py.get(data, "pack"), "id") : null, animated,
                animated ? Py.text(Py.get(data, "sprite_image"), "uri") : null,
                Py.truthy(data, "sprite_image_2x") ? Py.text(Py.get(data, "sprite_image_2x"), "uri") : null,
                Py.integer(Py.get(data, "frames_per_row")), Py.integer(Py.get(data, "frames_per_column")),
                Py.integer(Py.get(data, "frame_count")), Py.integer(Py.get(data, "frame_rate")),
                ImageParser.fromUrlOrNull(data), Py.truthy(data, "label") ? Py.text(data, "label") : null);
    }
}
