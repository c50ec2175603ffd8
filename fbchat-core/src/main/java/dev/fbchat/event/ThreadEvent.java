package dev.fbchat.event;

import dev.fbchat.thread.MessengerThread;

/** An event that someone caused in a thread. */
public sealed interface ThreadEvent extends Event permits MessageEvent, MessageReplyEvent, ReactionEvent,
        UserStatusEvent, LiveLocationEvent, UnsendEvent, PeopleAdded, PersonRemoved, TitleSet, MessagesDelivered,
        ColorSet, EmojiSet, NicknameSet, AdminsAdded, AdminsRemoved, ApprovalModeSet, CallStarted, CallEnded,
        CallJoined, PollCreated, PollVoted, PlanCreated, PlanEnded, PlanEdited, PlanDeleted, PlanResponded, Typing {

    /** Who caused it: a {@link dev.fbchat.thread.User}, except for {@link MessagesDelivered} without an actor. */
    MessengerThread author();

    /** Where it happened. */
    MessengerThread thread();
}
