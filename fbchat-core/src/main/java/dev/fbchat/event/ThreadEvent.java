package dev.fbchat.event;

import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/** An event that someone caused in a thread. */
public sealed interface ThreadEvent extends Event permits MessageEvent {

    /** Who caused it. */
    User author();

    /** Where it happened. */
    MessengerThread thread();
}
