package dev.fbchat.event;

import java.util.Map;

import dev.fbchat.thread.ActiveStatus;

/**
 * The active status of people changed.
 *
 * @param statuses each person's status by id
 * @param full whether this is the whole list or an update of part of it
 */
public record Presence(Map<String, ActiveStatus> statuses, boolean full) implements Event {

    public Presence {
        statuses = Map.copyOf(statuses);
    }
}
