package dev.fbchat.thread;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.fbchat.ExternalError;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.internal.FormValues;
import dev.fbchat.internal.Ids;
import dev.fbchat.internal.Times;
import dev.fbchat.internal.parse.Py;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The changes one thread can be given outside {@code /messaging/send/} ({@code ThreadABC} in fbchat): nickname,
 * colour, emoji, typing, forwarding, polls, plans, muting, spam and deletion. Each checks its arguments before any
 * request and is made once (a change is not repeated; a failure is thrown).
 */
final class ThreadRequests {

    private ThreadRequests() {
    }

    static void setNickname(MessengerThread thread, String userId, @Nullable String nickname) {
        FormValues.nonBlank(userId, "userId");
        Map<String, String> data = new LinkedHashMap<>();
        if (nickname != null) {
            // fbchat sends no field for a nickname of None
            data.put("nickname", nickname);
        }
        data.put("participant_id", userId);
        data.put("thread_or_other_fbid", thread.id());
        write(thread, "/messaging/save_thread_nickname/?source=thread_settings&dpr=1", data);
    }

    static void setColor(MessengerThread thread, String color) {
        Objects.requireNonNull(color, "color");
        if (!ThreadColors.SETTABLE.contains(color)) {
            throw new IllegalArgumentException("Invalid color \"" + color + "\": use one of " + ThreadColors.SETTABLE);
        }
        Map<String, String> data = new LinkedHashMap<>();
        // the default colour is set as an empty text: how the endpoint works
        data.put("color_choice", color.equals(ThreadColors.DEFAULT) ? "" : color);
        data.put("thread_or_other_fbid", thread.id());
        write(thread, "/messaging/save_thread_color/?source=thread_settings&dpr=1", data);
    }

    static void setEmoji(MessengerThread thread, @Nullable String emoji) {
        if (emoji != null && emoji.isBlank()) {
            throw new IllegalArgumentException("The emoji is blank: give an emoji, or null for the default like");
        }
        Map<String, String> data = new LinkedHashMap<>();
        if (emoji != null) {
            data.put("emoji_choice", emoji);
        }
        data.put("thread_or_other_fbid", thread.id());
        write(thread, "/messaging/save_thread_emoji/?source=thread_settings&dpr=1", data);
    }

    static void forwardAttachment(MessengerThread thread, String attachmentId) {
        FormValues.nonBlank(attachmentId, "attachmentId");
        Map<String, String> data = new LinkedHashMap<>();
        data.put("attachment_id", attachmentId);
        data.put("recipient_map[" + Ids.offlineThreadingId(System.currentTimeMillis()) + "]", thread.id());
        JsonNode payload = write(thread, "/mercury/attachments/forward/", data);
        if (!Py.truthy(payload, "success")) {
            throw new ExternalError("Failed forwarding attachment", Py.strOrNull(payload.get("error")), null);
        }
    }

    static void setTyping(MessengerThread thread, boolean typing) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("typ", typing ? "1" : "0");
        data.put("thread", thread.id());
        data.put("source", "mercury-chat");
        write(thread, "/ajax/messaging/typ.php", data);
    }

    static void createPlan(MessengerThread thread, String name, Instant at, @Nullable String locationName,
            @Nullable String locationId) {
        Objects.requireNonNull(at, "at");
        FormValues.nonBlank(name, "The plan's name");
        Map<String, String> data = new LinkedHashMap<>();
        data.put("event_type", "EVENT");
        data.put("event_time", Long.toString(Times.toSeconds(at)));
        data.put("title", name);
        data.put("thread_id", thread.id());
        data.put("location_id", locationId == null ? "" : locationId);
        data.put("location_name", locationName == null ? "" : locationName);
        data.put("acontext", FormValues.PLAN_ACONTEXT);
        JsonNode payload = write(thread, "/ajax/eventreminder/create", data);
        if (payload.isObject() && payload.has("error")) {
            throw new ExternalError("Failed creating plan", Py.strOrNull(payload.get("error")), null);
        }
    }

    static void createPoll(MessengerThread thread, String question, Map<String, Boolean> options) {
        FormValues.nonBlank(question, "The poll's question");
        Objects.requireNonNull(options, "options");
        if (options.isEmpty()) {
            throw new IllegalArgumentException("A poll needs at least one option");
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("question_text", question);
        data.put("target_id", thread.id());
        int i = 0;
        for (Map.Entry<String, Boolean> option : options.entrySet()) {
            FormValues.nonBlank(option.getKey(), "A poll option");
            data.put("option_text_array[" + i + "]", option.getKey());
            data.put("option_is_selected_array[" + i + "]", Boolean.TRUE.equals(option.getValue()) ? "1" : "0");
            i++;
        }
        JsonNode payload = write(thread, "/messaging/group_polling/create_poll/?dpr=1", data);
        FacebookJson.requireSuccessStatus(payload, "Failed creating poll: ");
    }

    static void mute(MessengerThread thread, @Nullable Duration duration) {
        if (duration != null && duration.isNegative()) {
            throw new IllegalArgumentException("Cannot mute for a negative time: " + duration);
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("mute_settings", duration == null ? "-1" : Long.toString(Times.toSeconds(duration)));
        data.put("thread_fbid", thread.id());
        write(thread, "/ajax/mercury/change_mute_thread.php?dpr=1", data);
    }

    static void muteReactions(MessengerThread thread, boolean mute) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("reactions_mute_mode", mute ? "1" : "0");
        data.put("thread_fbid", thread.id());
        write(thread, "/ajax/mercury/change_reactions_mute_thread/?dpr=1", data);
    }

    static void muteMentions(MessengerThread thread, boolean mute) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("mentions_mute_mode", mute ? "1" : "0");
        data.put("thread_fbid", thread.id());
        write(thread, "/ajax/mercury/change_mentions_mute_thread/?dpr=1", data);
    }

    static void markAsSpam(MessengerThread thread) {
        write(thread, "/ajax/mercury/mark_spam.php?dpr=1", Map.of("id", thread.id()));
    }

    private static JsonNode write(MessengerThread thread, String path, Map<String, String> data) {
        return thread.session().requests().writePayload(path, data);
    }
}
