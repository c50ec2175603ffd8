package dev.fbchat.internal.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fbchat.ParseError;
import dev.fbchat.attachment.Image;
import dev.fbchat.attachment.LiveLocationAttachment;
import dev.fbchat.attachment.LocationAttachment;
import dev.fbchat.internal.QueryStrings;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Parses {@link LocationAttachment} and {@link LiveLocationAttachment} ({@code fbchat._models._location}). */
public final class LocationParser {

    /** Python's float literal: digits with single underscores between them, a point, an exponent, a sign. */
    private static final Pattern PYTHON_FLOAT = Pattern.compile(
            "[+-]?(\\d(_?\\d)*(\\.(\\d(_?\\d)*)?)?|\\.\\d(_?\\d)*)([eE][+-]?\\d(_?\\d)*)?");

    /** Python's infinities and not-a-number, in any case. */
    private static final Pattern PYTHON_FLOAT_SPECIAL = Pattern.compile("([+-]?)(?:inf|infinity|(nan))",
            Pattern.CASE_INSENSITIVE);

    private LocationParser() {
    }

    /** {@code LocationAttachment._from_graphql}: coordinates or an address, read from the map link. */
    public static LocationAttachment location(JsonNode data) {
        String url = Py.text(data, "url");
        String address = QueryStrings.parameter(QueryStrings.parameter(url, "u"), "where1");
        if (address == null || address.isEmpty()) {
            throw new ParseError("Could not find location address", data);
        }
        Double latitude = null;
        Double longitude = null;
        String[] parts = address.split(", ", -1);
        if (parts.length == 2 && pythonFloat(parts[0]) != null && pythonFloat(parts[1]) != null) {
            latitude = pythonFloat(parts[0]);
            longitude = pythonFloat(parts[1]);
            address = null;
        }
        Image image = Py.truthy(data, "media") ? ImageParser.fromUriOrNull(Py.get(Py.get(data, "media"), "image")) : null;
        return new LocationAttachment(Py.intText(Py.req(data, "deduplication_key")), latitude, longitude,
                image, url, address);
    }

    /** {@code LiveLocationAttachment._from_graphql}. */
    public static LiveLocationAttachment liveLocation(JsonNode data) {
        JsonNode target = Py.nonNull(data, "target");
        Image image = null;
        JsonNode media = Py.get(data, "media");
        if (Py.truthy(media) && Py.truthy(media, "image")) {
            image = ImageParser.fromUri(Py.get(media, "image"));
        }
        boolean hasCoordinate = Py.truthy(target, "coordinate");
        JsonNode coordinate = hasCoordinate ? Py.get(target, "coordinate") : null;
        return new LiveLocationAttachment(Py.intText(Py.req(target, "live_location_id")),
                hasCoordinate ? Py.number(Py.req(coordinate, "latitude")) : null,
                hasCoordinate ? Py.number(Py.req(coordinate, "longitude")) : null, image, Py.text(data, "url"), null,
                Py.strOrNull(Py.req(Py.nonNull(data, "title_with_entities"), "text")),
                Py.secondsToDatetime(Py.get(target, "expiration_time")), Py.bool(Py.get(target, "is_expired")));
    }

    /** {@code LiveLocationAttachment._from_pull}: a live location from an MQTT delta. */
    public static LiveLocationAttachment liveLocationFromPull(JsonNode data) {
        boolean stopped = Py.truthy(data, "stopReason");
        JsonNode coordinate = stopped ? null : Py.nonNull(data, "coordinate");
        return new LiveLocationAttachment(Py.strOrNull(Py.req(data, "id")),
                stopped ? null : scaled(Py.req(coordinate, "latitude")),
                stopped ? null : scaled(Py.req(coordinate, "longitude")), null, null, null,
                Py.text(data, "locationTitle"), Py.millisToDatetime(Py.req(data, "expirationTime")), stopped);
    }

    private static @Nullable Double scaled(JsonNode coordinate) {
        Double value = Py.number(coordinate);
        if (value == null) {
            throw new DataShapeError("A live location has no coordinate", coordinate);
        }
        return value / 1e8;
    }

    /**
     * Python's {@code float(text)}, or {@code null} where it raises {@code ValueError}: Unicode white space around it
     * is dropped, any Unicode decimal digit counts, a single {@code _} may stand between two digits, and
     * {@code inf}, {@code infinity} and {@code nan} are read in any case.
     */
    static @Nullable Double pythonFloat(String text) {
        String stripped = Py.stripUnicode(text);
        StringBuilder ascii = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            ascii.append(Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER ? (char) ('0' + Character.digit(c, 10))
                    : c);
        }
        String number = ascii.toString();
        Matcher special = PYTHON_FLOAT_SPECIAL.matcher(number);
        if (special.matches()) {
            if (special.group(2) != null) {
                return Double.NaN;
            }
            return "-".equals(special.group(1)) ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return PYTHON_FLOAT.matcher(number).matches() ? Double.valueOf(number.replace("_", "")) : null;
    }
}
