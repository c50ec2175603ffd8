package dev.fbchat.thread;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.fbchat.Session;

/**
 * A one-to-one thread with a Facebook user, and that user. Its id is the user's id.
 *
 * @param session the session that acts on it
 * @param id its id
 */
public record User(Session session, String id) implements MessengerThread {

    public User {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(id, "id");
    }

    /** Confirms the user's friend request. */
    public void confirmFriendRequest() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("to_friend", this.id);
        data.put("action", "confirm");
        this.session.requests().writePayload("/ajax/add_friend/action.php?dpr=1", data);
    }

    /** Removes the user from the account's friends. */
    public void removeFriend() {
        this.session.requests().writePayload("/ajax/profile/removefriendconfirm.php", Map.of("uid", this.id));
    }

    /** Blocks messages from the user. */
    public void block() {
        this.session.requests().writePayload("/messaging/block_messages/?dpr=1", Map.of("fbid", this.id));
    }

    /** Unblocks messages from the user. */
    public void unblock() {
        this.session.requests().writePayload("/messaging/unblock_messages/?dpr=1", Map.of("fbid", this.id));
    }
}
