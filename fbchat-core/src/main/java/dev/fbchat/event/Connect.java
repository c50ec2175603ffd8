package dev.fbchat.event;

/** The listener connected (or reconnected) to Messenger and is receiving events. */
public record Connect() implements Event {
}
