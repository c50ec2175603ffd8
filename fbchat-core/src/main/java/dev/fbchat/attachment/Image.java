package dev.fbchat.attachment;

import org.jspecify.annotations.Nullable;

/**
 * A picture Facebook serves: a profile photo, a preview, a map.
 *
 * @param url where to download it ({@code null} only when Facebook sent none)
 * @param width its width in pixels, when known
 * @param height its height in pixels, when known
 */
public record Image(@Nullable String url, @Nullable Integer width, @Nullable Integer height) {

}
