package dev.fbchat.emulator.world;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What people signal outside their threads' history: typing ({@code /thread_typing},
 * {@code /orca_typing_notifications}), being active ({@code /orca_presence}), friend requests
 * ({@code /legacy_web}), and blocking ({@code ClientPayload} of {@code deltaChangeViewerStatus})
 * (docs/emulator-protocol.md, "Real-time events").
 */
public final class PresenceActions extends ActionSupport {

    /** Topic of typing in groups. */
    public static final String THREAD_TYPING = "/thread_typing";

    /** Topic of typing in one-to-one threads. */
    public static final String ORCA_TYPING = "/orca_typing_notifications";

    /** Topic of active statuses. */
    public static final String ORCA_PRESENCE = "/orca_presence";

    /** Topic of friend requests and other notifications of the web site. */
    public static final String LEGACY_WEB = "/legacy_web";

    /** Who is active, and since when each was last active (seconds); guarded by the world's lock. */
    private final Map<String, Status> statuses = new HashMap<>();

    /** Friend requests not yet answered, as {@code [from, to]}; guarded by the world's lock. */
    private final Set<List<String>> friendRequests = new LinkedHashSet<>();

    PresenceActions(World world) {
        super(world);
    }

    /**
     * Someone starts ({@code typing}) or stops typing: in a group {@code /thread_typing}
     * {@code {"sender_fbid":<n>,"state":1|0,"type":"typ","thread":"<group id>"}}, one-to-one
     * {@code /orca_typing_notifications} {@code {"type":"typ","sender_fbid":<n>,"state":1|0}}, to
     * every other participant account (Facebook does not echo typing to the typist).
     */
    public void typing(String threadId, String actorId, boolean typing) {
        synchronized (this.world) {
            ChatThread thread = thread(threadId);
            requireParticipant(thread, actorId);
            for (String receiver : thread.participants()) {
                if (receiver.equals(actorId)) {
                    continue;
                }
                ObjectNode frame = EmulatorJson.MAPPER.createObjectNode();
                if (thread.kind() == ThreadKind.GROUP) {
                    DeltaShapes.putNumber(frame, "sender_fbid", actorId);
                    frame.put("state", typing ? 1 : 0);
                    frame.put("type", "typ");
                    frame.put("thread", thread.id());
                    this.world.topics().publish(receiver, THREAD_TYPING, frame);
                }
                else {
                    frame.put("type", "typ");
                    DeltaShapes.putNumber(frame, "sender_fbid", actorId);
                    frame.put("state", typing ? 1 : 0);
                    this.world.topics().publish(receiver, ORCA_TYPING, frame);
                }
            }
        }
    }

    /**
     * An account goes online ({@code active}) or offline, last active at {@code lastActiveSeconds}
     * ({@code null}: now): {@code /orca_presence} {@code {"list_type":"inc","list":[{"u":<n>,"p":2|0,"l":<s>}]}}
     * to each of its contacts (friends and people it shares a thread with).
     */
    public void setPresence(String accountId, boolean active, @Nullable Long lastActiveSeconds) {
        synchronized (this.world) {
            requireAccount(accountId);
            Status status = new Status(active, lastActiveSeconds != null ? lastActiveSeconds
                    : System.currentTimeMillis() / 1000);
            this.statuses.put(accountId, status);
            ObjectNode frame = EmulatorJson.MAPPER.createObjectNode();
            frame.put("list_type", "inc");
            entry(frame.putArray("list"), accountId, status);
            for (String contact : contacts(accountId)) {
                this.world.topics().publish(contact, ORCA_PRESENCE, frame);
            }
        }
    }

    /**
     * The full list of an account's contacts' statuses, as Facebook sends it after connecting:
     * {@code /orca_presence} {@code {"list_type":"full","list":[...]}} to the account; a contact
     * never seen active is {@code {"u":<n>,"p":0}}.
     *
     * @return how many entries the list has
     */
    public int sendFullPresence(String accountId) {
        synchronized (this.world) {
            requireAccount(accountId);
            ObjectNode frame = EmulatorJson.MAPPER.createObjectNode();
            frame.put("list_type", "full");
            ArrayNode list = frame.putArray("list");
            Set<String> contacts = contacts(accountId);
            contacts.forEach(contact -> entry(list, contact, this.statuses.get(contact)));
            this.world.topics().publish(accountId, ORCA_PRESENCE, frame);
            return contacts.size();
        }
    }

    /** Whether an account is active now (as set by {@link #setPresence}). */
    public boolean isActive(String accountId) {
        synchronized (this.world) {
            Status status = this.statuses.get(accountId);
            return status != null && status.active();
        }
    }

    /**
     * {@code fromId} asks {@code toId} to be friends: {@code /legacy_web}
     * {@code {"type":"jewel_requests_add","from":"<id>"}} to {@code toId}.
     *
     * @throws IllegalArgumentException when the two are the same or friends already
     */
    public void sendFriendRequest(String fromId, String toId) {
        synchronized (this.world) {
            requireAccount(fromId);
            requireAccount(toId);
            if (fromId.equals(toId) || this.world.people().areFriends(fromId, toId)) {
                throw new IllegalArgumentException(fromId + " and " + toId + " cannot become friends: "
                        + (fromId.equals(toId) ? "the same person" : "friends already"));
            }
            this.friendRequests.add(List.of(fromId, toId));
            ObjectNode frame = EmulatorJson.MAPPER.createObjectNode();
            frame.put("type", "jewel_requests_add");
            frame.put("from", fromId);
            this.world.topics().publish(toId, LEGACY_WEB, frame);
        }
    }

    /**
     * {@code toId} confirms the friend request of {@code fromId}: they become friends.
     *
     * @throws IllegalArgumentException when there is no such request
     */
    public void confirmFriendRequest(String fromId, String toId) {
        synchronized (this.world) {
            if (!this.friendRequests.remove(List.of(fromId, toId))) {
                throw new IllegalArgumentException(fromId + " did not ask " + toId + " to be friends");
            }
            this.world.people().befriend(fromId, toId);
        }
    }

    /** The people who asked {@code toId} to be friends and wait for an answer, in the order asked. */
    public List<String> friendRequestsTo(String toId) {
        synchronized (this.world) {
            return this.friendRequests.stream().filter(request -> request.get(1).equals(toId)).map(request -> request.get(0))
                .toList();
        }
    }

    /** Whether {@code fromId} asked {@code toId} to be friends. */
    public boolean hasFriendRequest(String fromId, String toId) {
        synchronized (this.world) {
            return this.friendRequests.contains(List.of(fromId, toId));
        }
    }

    /**
     * {@code blockerId} blocks ({@code blocked}) or unblocks {@code blockedId}'s messages:
     * {@code ClientPayload} of {@code {"deltaChangeViewerStatus":{"threadKey":{"otherUserFbId":<n>},
     * "canViewerReply":bool,"reason":2,"actorFbid":<n>}}} to both accounts, each seeing the other
     * as the thread. The block shows as {@code is_message_blocked_by_viewer} and {@code is_blocked}.
     */
    public void setBlocked(String blockerId, String blockedId, boolean blocked) {
        synchronized (this.world) {
            requireAccount(blockerId);
            if (!this.world.isActor(blockedId) || blockerId.equals(blockedId)) {
                throw new IllegalArgumentException("cannot block " + blockedId);
            }
            this.world.people().setBlocked(blockerId, blockedId, blocked);
            fanOut(List.of(blockerId, blockedId), (receiver, sequenceId) -> {
                ObjectNode delta = EmulatorJson.MAPPER.createObjectNode();
                DeltaShapes.putNumber(delta.putObject("threadKey"), "otherUserFbId",
                        receiver.equals(blockerId) ? blockedId : blockerId);
                delta.put("canViewerReply", !blocked);
                delta.put("reason", 2);
                DeltaShapes.putNumber(delta, "actorFbid", blockerId);
                return DeltaShapes.clientPayload(EmulatorJson.MAPPER.createObjectNode().set("deltaChangeViewerStatus", delta));
            });
        }
    }

    /** The account's contacts: its friends and the accounts it shares a thread with, itself left out. */
    private Set<String> contacts(String accountId) {
        Set<String> contacts = new LinkedHashSet<>(this.world.people().friendsOf(accountId));
        for (ChatThread thread : this.world.threads()) {
            if (thread.hasParticipant(accountId)) {
                contacts.addAll(thread.participants());
            }
        }
        contacts.remove(accountId);
        contacts.removeIf(id -> this.world.account(id).isEmpty());
        return contacts;
    }

    private static void entry(ArrayNode list, String accountId, @Nullable Status status) {
        ObjectNode entry = list.addObject();
        try {
            entry.put("u", new BigInteger(accountId));
        }
        catch (NumberFormatException ex) {
            entry.put("u", accountId);
        }
        entry.put("p", status != null && status.active() ? 2 : 0);
        if (status != null) {
            entry.put("l", status.lastActiveSeconds());
        }
    }

    /** An active status: whether active, and when last active (s). */
    private record Status(boolean active, long lastActiveSeconds) {
    }
}
