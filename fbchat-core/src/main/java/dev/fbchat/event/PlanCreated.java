package dev.fbchat.event;

import java.time.Instant;

import dev.fbchat.plan.PlanData;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/**
 * Someone created a plan.
 *
 * @param author who did it
 * @param thread where
 * @param plan the plan
 * @param at when
 */
public record PlanCreated(User author, MessengerThread thread, PlanData plan, Instant at) implements ThreadEvent {
}
