/**
 * Plans (events) of a thread: the {@link dev.fbchat.plan.Plan} handle and its {@link dev.fbchat.plan.PlanData}.
 */
@NullMarked
package dev.fbchat.plan;

import org.jspecify.annotations.NullMarked;
