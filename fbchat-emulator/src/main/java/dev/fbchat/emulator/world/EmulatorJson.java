package dev.fbchat.emulator.world;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The emulator's one JSON mapper. */
public final class EmulatorJson {

    /** Lenient on input, plain on output. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private EmulatorJson() {
    }
}
