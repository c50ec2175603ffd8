package dev.fbchat.thread;

import java.time.Instant;
import java.util.Objects;

import dev.fbchat.Session;
import dev.fbchat.attachment.Image;
import dev.fbchat.plan.PlanData;
import org.jspecify.annotations.Nullable;

/**
 * What was fetched about a Facebook page and the thread with it.
 *
 * @param session the session that fetched it
 * @param id the page's id
 * @param photo the page's picture
 * @param name the page's name
 * @param lastActive when the last message was sent
 * @param messageCount how many messages the thread holds
 * @param plan the thread's plan
 * @param url the page's URL
 * @param city the page's city
 * @param likes how many likes it has
 * @param subTitle extra information
 * @param category its category, e.g. {@code SCHOOL}
 */
public record PageData(Session session, String id, @Nullable Image photo, @Nullable String name,
        @Nullable Instant lastActive, @Nullable Integer messageCount, @Nullable PlanData plan, @Nullable String url,
        @Nullable String city, @Nullable Integer likes, @Nullable String subTitle, @Nullable String category)
        implements ThreadData {

    public PageData {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public Page thread() {
        return new Page(this.session, this.id);
    }
}
