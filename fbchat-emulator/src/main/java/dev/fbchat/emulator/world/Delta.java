package dev.fbchat.emulator.world;

import tools.jackson.databind.node.ObjectNode;

/**
 * One entry of an account's sync log.
 *
 * @param sequenceId its position in the log ({@code irisSeqId})
 * @param body the delta as the client receives it
 */
public record Delta(long sequenceId, ObjectNode body) {
}
