package dev.fbchat.event;

import tools.jackson.databind.JsonNode;

/**
 * Messenger sent something this library does not parse (yet): the raw data is kept.
 *
 * @param source where it came from, e.g. {@code "Delta class"} or {@code "MQTT topic /webrtc"}
 * @param data the raw payload
 */
public record UnknownEvent(String source, JsonNode data) implements Event {
}
