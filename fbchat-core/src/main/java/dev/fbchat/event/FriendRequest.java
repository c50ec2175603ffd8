package dev.fbchat.event;

import dev.fbchat.thread.User;

/**
 * Someone sent the account a friend request.
 *
 * @param author who sent it
 */
public record FriendRequest(User author) implements Event {
}
