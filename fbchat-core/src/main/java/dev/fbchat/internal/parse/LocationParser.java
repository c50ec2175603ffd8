package dev.fbchat.internal.parse;

import dev.fbchat.ParseError;
import dev.fbchat.attachment.Image;
import dev.fbchat.attachment.LiveLocationAttachment;
import dev.fbchat.attachment.LocationAttachment;
import dev.fbchat.internal.QueryStrings;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Parses {@link LocationAttachment} and {@link LiveLocationAttachment} ({@code fbchat._models._location}). */
public final class LocationParser {

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

    /** Python's {@code float(text)}, or {@code null} where it raises {@code ValueError}. */
    private static @Nullable Double pythonFloat(String text) {
        String number = text.strip().replace("_", "").toLowerCase(java.util.Locale.ROOT);
        if (number.matches("[+-]?(inf|infinity)")) {
            return number.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (number.matches("[+-]?nan")) {
            return Double.NaN;
        }
        return number.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?") ? Double.valueOf(number) : null;
    }
}
