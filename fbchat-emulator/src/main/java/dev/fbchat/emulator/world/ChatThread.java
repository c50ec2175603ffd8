package dev.fbchat.emulator.world;

import java.util.List;

/**
 * A conversation of the emulated world.
 *
 * @param id the emulator's handle (for a group also its Messenger thread id)
 * @param kind one-to-one or group
 * @param name the group's name, or the participants' names for a one-to-one thread
 * @param participants the account ids taking part
 */
public record ChatThread(String id, ThreadKind kind, String name, List<String> participants) {

    public ChatThread {
        participants = List.copyOf(participants);
    }

    /** Whether the account takes part. */
    public boolean hasParticipant(String accountId) {
        return this.participants.contains(accountId);
    }

    /** The other person of a one-to-one thread, seen from {@code accountId}. */
    public String otherParticipant(String accountId) {
        return this.participants.stream().filter(id -> !id.equals(accountId)).findFirst().orElse(accountId);
    }
}
