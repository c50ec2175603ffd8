package dev.fbchat.thread;

import java.time.Instant;
import java.util.Objects;

import dev.fbchat.Session;
import dev.fbchat.attachment.Image;
import dev.fbchat.plan.PlanData;
import org.jspecify.annotations.Nullable;

/**
 * What was fetched about a Facebook user and the one-to-one thread with them.
 *
 * @param session the session that fetched it
 * @param id the user's id
 * @param photo the profile picture
 * @param name the full name
 * @param isFriend whether the account and the user are friends
 * @param firstName the first name
 * @param lastName the last name, when known
 * @param lastActive when the last message was sent
 * @param messageCount how many messages the thread holds
 * @param plan the thread's plan
 * @param url the profile URL ({@code null} for Messenger-only users)
 * @param gender the gender, in fbchat's words ({@code female_singular}, ...)
 * @param affinity from 0 to 1, how close the account is to the user
 * @param nickname the user's nickname in the thread
 * @param ownNickname the account's nickname as the user sees it
 * @param color the thread's colour
 * @param emoji the thread's emoji
 */
public record UserData(Session session, String id, @Nullable Image photo, @Nullable String name,
        @Nullable Boolean isFriend, @Nullable String firstName, @Nullable String lastName,
        @Nullable Instant lastActive, @Nullable Integer messageCount, @Nullable PlanData plan, @Nullable String url,
        @Nullable String gender, @Nullable Double affinity, @Nullable String nickname, @Nullable String ownNickname,
        @Nullable String color, @Nullable String emoji) implements ThreadData {

    public UserData {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public User thread() {
        return new User(this.session, this.id);
    }
}
