package dev.fbchat.emulator.web;

import java.util.Locale;
import java.util.Map;

import dev.fbchat.emulator.world.AttachmentJson;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.Folder;
import dev.fbchat.emulator.world.OngoingCall;
import dev.fbchat.emulator.world.Plan;
import dev.fbchat.emulator.world.StoredMessage;
import dev.fbchat.emulator.world.ThreadSettings;
import dev.fbchat.emulator.world.ThreadView;
import dev.fbchat.emulator.world.World;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A thread in Facebook's GraphQL shape ({@code MessageThread}), as the thread list, the thread
 * info query and the group search answer it, and a plan in its {@code event_reminders}.
 */
final class ThreadShapes {

    private final ActorShapes actors;

    private final MessageShapes messages;

    ThreadShapes(World world) {
        this.actors = new ActorShapes(world);
        this.messages = new MessageShapes(world);
    }

    /**
     * The thread as its viewer sees it. {@code last_message} is left out while the thread has
     * no message; {@code read_receipts} is {@code null} (the message query fills it).
     */
    ObjectNode thread(ThreadView view) {
        boolean group = view.isGroup();
        ThreadSettings settings = view.settings();
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        ObjectNode key = json.putObject("thread_key");
        if (group) {
            key.put("thread_fbid", view.thread().id());
            key.putNull("other_user_id");
        }
        else {
            key.putNull("thread_fbid");
            key.put("other_user_id", view.protocolId());
        }
        if (group) {
            json.put("name", view.thread().name());
        }
        else {
            json.putNull("name");
        }
        view.lastMessage().ifPresent(last -> json.putObject("last_message").putArray("nodes").add(lastMessage(last)));
        json.put("unread_count", view.unreadCount());
        json.put("messages_count", view.messages().size());
        if (group && settings.imageUrl() != null) {
            json.putObject("image").put("uri", settings.imageUrl());
        }
        else {
            json.putNull("image");
        }
        json.put("updated_time_precise", Long.toString(view.updatedAt()));
        json.putNull("mute_until");
        json.put("is_pin_protected", false);
        json.put("is_viewer_subscribed", true);
        json.put("thread_queue_enabled", false);
        json.put("folder", view.folder().name());
        json.put("has_viewer_archived", view.folder() == Folder.ARCHIVED);
        json.put("is_page_follow_up", false);
        json.putNull("cannot_reply_reason");
        json.put("ephemeral_ttl_mode", 0);
        customization(json.putObject("customization_info"), settings);
        ArrayNode admins = json.putArray("thread_admins");
        settings.admins().forEach(admin -> admins.addObject().put("id", admin));
        if (group) {
            json.put("approval_mode", settings.approvalMode() ? 1 : 0);
            ArrayNode queue = json.putObject("group_approval_queue").putArray("nodes");
            settings.approvalRequests().forEach(requester -> queue.addObject().putObject("requester").put("id", requester));
        }
        else {
            json.putNull("approval_mode");
            json.putNull("group_approval_queue");
        }
        ObjectNode joinable = json.putObject("joinable_mode");
        joinable.put("mode", settings.joinLink() == null ? "0" : "1");
        joinable.put("link", settings.joinLink() == null ? "" : settings.joinLink());
        json.put("is_group_thread", group);
        json.putNull("thread_queue_metadata");
        ArrayNode reminders = json.putObject("event_reminders").putArray("nodes");
        view.plans().forEach(plan -> reminders.add(plan(plan)));
        json.putNull("montage_thread");
        ArrayNode lastRead = json.putObject("last_read_receipt").putArray("nodes");
        view.thread().participants().stream()
            .filter(participant -> !participant.equals(view.viewerId()))
            .mapToLong(view::watermark)
            .max()
            .ifPresent(watermark -> {
                if (watermark > 0) {
                    lastRead.addObject().put("timestamp_precise", Long.toString(watermark));
                }
            });
        json.putNull("related_page_thread");
        ObjectNode call = json.putObject("rtc_call_data");
        OngoingCall ongoing = view.call();
        if (ongoing == null) {
            call.put("call_state", "NO_ONGOING_CALL");
            call.put("server_info_data", "");
            call.putNull("initiator");
        }
        else {
            call.put("call_state", ongoing.video() ? "VIDEO_GROUP_CALL" : "AUDIO_GROUP_CALL");
            call.put("server_info_data", ongoing.serverInfo());
            call.putObject("initiator").put("id", ongoing.initiatorId());
        }
        json.putNull("associated_object");
        json.put("privacy_mode", 1);
        json.put("reactions_mute_mode", "REACTIONS_NOT_MUTED");
        json.put("mentions_mute_mode", "MENTIONS_NOT_MUTED");
        json.put("customization_enabled", true);
        json.put("thread_type", group ? "GROUP" : "ONE_TO_ONE");
        if (group) {
            json.put("participant_add_mode_as_string", "ADD");
        }
        else {
            json.putNull("participant_add_mode_as_string");
        }
        json.put("is_canonical_neo_user", false);
        json.putArray("participants_event_status");
        json.putNull("page_comm_item");
        ArrayNode participants = json.putObject("all_participants").putArray("nodes");
        view.thread().participants().forEach(id -> participants.add(this.actors.participant(id, view.viewerId())));
        json.putNull("read_receipts");
        json.putNull("delivery_receipts");
        return json;
    }

    /** The thread with its read receipts filled in, as the message query answers it. */
    ObjectNode threadWithReceipts(ThreadView view) {
        ObjectNode json = thread(view);
        json.set("read_receipts", this.messages.readReceipts(view));
        return json;
    }

    /** A plan as {@code event_reminders} lists it. */
    static ObjectNode plan(Plan plan) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("id", plan.id());
        json.putObject("lightweight_event_creator").put("id", plan.creatorId());
        json.put("time", plan.timeSeconds());
        json.put("lightweight_event_type", "EVENT");
        json.put("location_name", plan.locationName());
        json.putNull("location_coordinates");
        if (plan.locationId() == null) {
            json.putNull("location_page");
        }
        else {
            json.putObject("location_page").put("id", plan.locationId());
        }
        json.put("lightweight_event_status", "CREATED");
        json.put("note", "");
        json.put("repeat_mode", "ONCE");
        json.put("event_title", plan.title());
        json.putNull("trigger_message");
        json.put("seconds_to_notify_before", 3600);
        json.put("allows_rsvp", true);
        json.putNull("related_event");
        ArrayNode edges = json.putObject("event_reminder_members").putArray("edges");
        for (Map.Entry<String, Plan.GuestState> guest : plan.guests().entrySet()) {
            ObjectNode edge = edges.addObject();
            edge.putObject("node").put("id", guest.getKey());
            edge.put("guest_list_state", guest.getValue().name());
        }
        return json;
    }

    private static void customization(ObjectNode json, ThreadSettings settings) {
        json.put("emoji", settings.emoji());
        ArrayNode nicknames = json.putArray("participant_customizations");
        settings.nicknames().forEach((participant, nickname) -> {
            ObjectNode entry = nicknames.addObject();
            entry.put("participant_id", participant);
            entry.put("nickname", nickname);
        });
        json.put("outgoing_bubble_color",
                settings.color() == null ? null : "FF" + settings.color().substring(1).toUpperCase(Locale.ROOT));
    }

    private static ObjectNode lastMessage(StoredMessage message) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("snippet", MessageShapes.snippet(message));
        json.putObject("message_sender").putObject("messaging_actor").put("id", message.authorId());
        json.put("timestamp_precise", Long.toString(message.timestamp()));
        json.putNull("commerce_message_type");
        MessageShapes.putMedia(json, message);
        return json;
    }
}
