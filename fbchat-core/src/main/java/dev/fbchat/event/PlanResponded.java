package dev.fbchat.event;

import java.time.Instant;

import dev.fbchat.plan.PlanData;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/**
 * Someone answered a plan.
 *
 * @param author who did it
 * @param thread where
 * @param plan the plan
 * @param takePart whether they are going
 * @param at when
 */
public record PlanResponded(User author, MessengerThread thread, PlanData plan, boolean takePart, Instant at) implements ThreadEvent {
}
