package dev.fbchat.event;

/**
 * Something Messenger told the listener: the closed family of fbchat's events, plus {@link LoggedOut} and
 * {@link EventsDropped}. Switch over it, or let Spring route each type to the handler that takes it.
 */
public sealed interface Event permits ThreadEvent, Connect, Disconnect, UnknownEvent, LoggedOut, EventsDropped,
        UnfetchedThreadEvent, ThreadsRead, ThreadFolder, FriendRequest, Presence {
}
