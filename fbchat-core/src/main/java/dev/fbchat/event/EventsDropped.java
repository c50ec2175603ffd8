package dev.fbchat.event;

/**
 * Messenger dropped events the listener had not received yet (its sync queue overflowed or was lost); the listener
 * opened a new queue from the current sequence id. State a bot keeps from events should be fetched again. Not an
 * fbchat event.
 *
 * @param reason Messenger's error code, e.g. {@code ERROR_QUEUE_OVERFLOW} or {@code ERROR_QUEUE_NOT_FOUND}
 */
public record EventsDropped(String reason) implements Event {
}
