package dev.fbchat.thread;

import java.time.Instant;

import dev.fbchat.Session;
import dev.fbchat.attachment.Image;
import dev.fbchat.plan.PlanData;
import org.jspecify.annotations.Nullable;

/** What was fetched about a thread: a {@link UserData}, {@link GroupData} or {@link PageData}. */
public sealed interface ThreadData permits UserData, GroupData, PageData {

    /** The session that fetched it. */
    Session session();

    /** The thread's id. */
    String id();

    /** The thread as a handle, to act on it. */
    MessengerThread thread();

    /** Its picture, when known. */
    @Nullable Image photo();

    /** Its name, when known. */
    @Nullable String name();

    /** When the last message was sent, when known. */
    @Nullable Instant lastActive();

    /** How many messages it holds, when known. */
    @Nullable Integer messageCount();

    /** Its plan, if one is set. */
    @Nullable PlanData plan();
}
