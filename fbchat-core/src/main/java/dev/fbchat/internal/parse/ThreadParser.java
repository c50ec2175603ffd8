package dev.fbchat.internal.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fbchat.Session;
import dev.fbchat.thread.ActiveStatus;
import dev.fbchat.thread.Group;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.Page;
import dev.fbchat.thread.ThreadLocation;
import dev.fbchat.thread.User;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * What every kind of thread data shares ({@code ThreadABC._parse_*}): colour, emoji and nicknames, participants;
 * plus {@link ThreadLocation} and {@link ActiveStatus}.
 */
public final class ThreadParser {

    /** The colour of a thread that never chose one. */
    public static final String DEFAULT_COLOR = "#0084ff";

    private static final Logger log = LoggerFactory.getLogger(ThreadParser.class);

    private ThreadParser() {
    }

    /** {@code ThreadABC._parse_color}: {@code FF44BEC7} → {@code #44bec7}; none → the default colour. */
    public static String color(@Nullable JsonNode color) {
        if (!Py.truthy(color)) {
            return DEFAULT_COLOR;
        }
        if (!color.isString()) {
            throw new DataShapeError("Expected a colour as text", color);
        }
        String text = color.stringValue();
        return "#" + (text.length() > 2 ? text.substring(2) : "").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * {@code ThreadABC._parse_customization_info}: {@code emoji} and {@code color}, plus {@code nicknames} for a group,
     * or {@code nickname} and {@code own_nickname} for a one-to-one thread.
     */
    public static Customization customization(@Nullable JsonNode data) {
        if (!Py.truthy(data) || !Py.truthy(data, "customization_info")) {
            return new Customization(null, DEFAULT_COLOR, null, null, null, false, false);
        }
        JsonNode info = Py.get(data, "customization_info");
        String emoji = Py.text(info, "emoji");
        String color = color(Py.get(info, "outgoing_bubble_color"));
        JsonNode threadKey = Py.has(data, "thread_key") ? Py.req(data, "thread_key") : null;
        if ("GROUP".equals(Py.text(data, "thread_type")) || Py.truthy(data, "is_group_thread")
                || (threadKey != null ? Py.truthy(nonNullKey(threadKey, data), "thread_fbid") : false)) {
            Map<String, @Nullable String> nicknames = new LinkedHashMap<>();
            JsonNode customizations = Py.has(info, "participant_customizations")
                    ? Py.req(info, "participant_customizations") : null;
            if (customizations != null) {
                for (JsonNode customization : Py.iterate(customizations)) {
                    nicknames.put(Py.str(Py.hashable(Py.req(customization, "participant_id"))),
                            Py.text(customization, "nickname"));
                }
            }
            return new Customization(emoji, color, nicknames, null, null, false, false);
        }
        if (!Py.truthy(info, "participant_customizations")) {
            return new Customization(emoji, color, null, null, null, false, false);
        }
        JsonNode otherUser = threadKey != null ? Py.get(nonNullKey(threadKey, data), "other_user_id") : null;
        JsonNode userId = Py.truthy(otherUser) ? otherUser : Py.get(data, "id");
        List<JsonNode> customizations = Py.list(Py.get(info, "participant_customizations"));
        String nickname = null;
        String ownNickname = null;
        boolean hasNickname = false;
        boolean hasOwnNickname = false;
        for (JsonNode customization : customizations.subList(0, Math.min(2, customizations.size()))) {
            if (Py.equal(Py.get(customization, "participant_id"), userId)) {
                nickname = Py.text(customization, "nickname");
                hasNickname = true;
            }
            else {
                ownNickname = Py.text(customization, "nickname");
                hasOwnNickname = true;
            }
        }
        return new Customization(emoji, color, null, nickname, ownNickname, hasNickname, hasOwnNickname);
    }

    /** {@code ThreadABC._parse_participants}: users, groups and pages; Facebook groups and unknown kinds are left out. */
    public static List<MessengerThread> participants(Session session, JsonNode data) {
        List<MessengerThread> participants = new ArrayList<>();
        for (JsonNode node : Py.iterate(Py.req(data, "nodes"))) {
            JsonNode actor = Py.nonNull(node, "messaging_actor");
            String typename = Py.str(Py.req(actor, "__typename"));
            String id = Py.str(Py.req(actor, "id"));
            switch (typename) {
                case "User" -> participants.add(new User(session, id));
                case "MessageThread" -> participants.add(new Group(session, id));
                case "Page" -> participants.add(new Page(session, id));
                case "Group" -> {
                    // A Facebook group, not a Messenger thread: not a participant this library models.
                }
                default -> log.warn("Unknown type {} of a thread participant", typename);
            }
        }
        return participants;
    }

    /** {@code ThreadLocation._parse}: {@code FOLDER_PENDING} → {@link ThreadLocation#PENDING}. */
    public static ThreadLocation location(String value) {
        // fbchat strips the characters of "FOLDER_" from the left (str.lstrip), not the prefix.
        int start = 0;
        while (start < value.length() && "FOLDER_".indexOf(value.charAt(start)) >= 0) {
            start++;
        }
        String name = value.substring(start);
        for (ThreadLocation location : ThreadLocation.values()) {
            if (location.value().equals(name)) {
                return location;
            }
        }
        throw new DataShapeError("'" + name + "' is not a valid ThreadLocation", value);
    }

    /** {@code ActiveStatus._from_orca_presence}: an entry of an {@code /orca_presence} list. */
    public static ActiveStatus activeStatus(JsonNode data) {
        JsonNode presence = Py.req(data, "p");
        boolean active = presence.isNumber() && (presence.doubleValue() == 2 || presence.doubleValue() == 3);
        return new ActiveStatus(active, Py.has(data, "l") ? Py.secondsToDatetime(Py.req(data, "l")) : null, null);
    }

    /**
     * A thread's colour, emoji and nicknames, with whether each nickname was present (fbchat's dict keys).
     *
     * @param emoji the thread's emoji
     * @param color the thread's colour
     * @param nicknames a group's nicknames by person id, or {@code null} when not a group
     * @param nickname the other person's nickname in a one-to-one thread
     * @param ownNickname the account's nickname in a one-to-one thread
     * @param hasNickname whether {@code nickname} was given
     * @param hasOwnNickname whether {@code ownNickname} was given
     */
    public record Customization(@Nullable String emoji, String color, @Nullable Map<String, @Nullable String> nicknames,
            @Nullable String nickname, @Nullable String ownNickname, boolean hasNickname, boolean hasOwnNickname) {
    }

    private static JsonNode nonNullKey(JsonNode threadKey, JsonNode data) {
        if (threadKey.isNull()) {
            throw new DataShapeError("Field 'thread_key' is null", data);
        }
        return threadKey;
    }
}
