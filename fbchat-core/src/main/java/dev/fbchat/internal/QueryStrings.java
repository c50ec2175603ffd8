package dev.fbchat.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * Reads a URL's query string as Python's {@code urllib.parse.parse_qs} does ({@code get_url_parameter} in
 * fbchat): {@code +} is a space, percent escapes are decoded, blank values are dropped, and the first value of a
 * repeated parameter wins.
 */
public final class QueryStrings {

    private QueryStrings() {
    }

    /** The first non-blank value of {@code name} in {@code url}'s query, or {@code null}. */
    public static @Nullable String parameter(@Nullable String url, String name) {
        if (url == null) {
            return null;
        }
        // Python's URL parser drops tabs and line breaks anywhere in a URL.
        String cleaned = url.replace("\t", "").replace("\r", "").replace("\n", "");
        int fragment = cleaned.indexOf('#');
        String withoutFragment = fragment < 0 ? cleaned : cleaned.substring(0, fragment);
        int start = withoutFragment.indexOf('?');
        if (start < 0) {
            return null;
        }
        for (String pair : withoutFragment.substring(start + 1).split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals < 0 || equals == pair.length() - 1) {
                continue;
            }
            if (unquote(pair.substring(0, equals)).equals(name)) {
                return unquote(pair.substring(equals + 1));
            }
        }
        return null;
    }

    /** Python's {@code unquote_plus}: {@code +} is a space, valid {@code %XX} escapes are UTF-8 bytes, others stay. */
    private static String unquote(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            }
            else if (c == '%' && i + 2 < text.length()
                    && HexFormat.isHexDigit(text.charAt(i + 1)) && HexFormat.isHexDigit(text.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 2;
            }
            else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
}
