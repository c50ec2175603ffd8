package dev.fbchat.emulator.world;

import java.nio.charset.StandardCharsets;

/**
 * One entry of an account's sync log, kept as the compact UTF-8 JSON the client receives: each
 * delta is serialized once, when it is logged, and written to every connection as it is.
 *
 * @param sequenceId its position in the log ({@code irisSeqId})
 * @param json the delta as the client receives it, serialized JSON (not to be modified)
 */
public record Delta(long sequenceId, byte[] json) {

    /** The delta's JSON as text (for tests and logs). */
    public String text() {
        return new String(this.json, StandardCharsets.UTF_8);
    }
}
