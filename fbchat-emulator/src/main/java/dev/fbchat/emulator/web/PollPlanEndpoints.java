package dev.fbchat.emulator.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.Plan;
import dev.fbchat.emulator.world.Poll;
import dev.fbchat.emulator.world.ThreadView;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Polls and plans: {@code /ajax/mercury/get_poll_options} with {@code question_id} (every option
 * of a poll) and {@code /ajax/eventreminder} with {@code event_reminder_id} (a plan). Only
 * participants of the poll's or plan's thread see it; for anyone else the id names nothing.
 */
final class PollPlanEndpoints extends LoggedInEndpoints {

    static final String POLL_OPTIONS = "/ajax/mercury/get_poll_options";

    static final String PLAN = "/ajax/eventreminder";

    PollPlanEndpoints(World world) {
        super(world, POLL_OPTIONS, PLAN);
    }

    @Override
    protected FullHttpResponse answer(HttpExchange exchange, Account viewer) {
        if (exchange.path().equals(POLL_OPTIONS)) {
            String questionId = exchange.formField("question_id");
            Optional<Poll> poll = questionId == null ? Optional.empty() : this.world.poll(questionId.strip());
            if (poll.isEmpty() || !takesPart(viewer, poll.get().threadId())) {
                return contentUnavailable();
            }
            return payload(options(poll.get(), viewer));
        }
        String planId = exchange.formField("event_reminder_id");
        Optional<Plan> plan = planId == null ? Optional.empty() : this.world.plan(planId.strip());
        Optional<ThreadView> view = plan.flatMap(found -> this.world.threadViewByHandle(found.threadId(), viewer.id()));
        if (plan.isEmpty() || view.isEmpty() || !view.get().thread().hasParticipant(viewer.id())) {
            return contentUnavailable();
        }
        return payload(plan(plan.get(), view.get()));
    }

    private boolean takesPart(Account viewer, String threadId) {
        return this.world.thread(threadId).map(thread -> thread.hasParticipant(viewer.id())).orElse(false);
    }

    /** The options, most votes first (ties in the poll's order), as fbchat's {@code PollOption} reads them. */
    private static ArrayNode options(Poll poll, Account viewer) {
        ArrayNode options = EmulatorJson.MAPPER.createArrayNode();
        List<Poll.Option> ranked = poll.options()
            .stream()
            .sorted(Comparator.comparingInt((Poll.Option option) -> option.voters().size()).reversed())
            .toList();
        for (Poll.Option option : ranked) {
            ObjectNode json = options.addObject();
            json.put("id", option.id());
            json.put("text", option.text());
            json.put("total_count", option.voters().size());
            json.put("viewer_has_voted", Boolean.toString(option.voters().contains(viewer.id())));
            ArrayNode voters = json.putArray("voters");
            option.voters().forEach(voters::add);
        }
        return options;
    }

    /** The plan as {@code /ajax/eventreminder} gives it: ids as numbers, times in seconds. */
    private static ObjectNode plan(Plan plan, ThreadView view) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        number(json, "message_thread_id", view.protocolId());
        json.put("event_time", plan.timeSeconds());
        number(json, "creator_id", plan.creatorId());
        json.put("event_time_updated_time", plan.createdSeconds());
        json.put("title", plan.title());
        json.put("track_rsvp", 1);
        json.put("event_type", "EVENT");
        json.put("status", "created");
        json.put("seconds_to_notify_before", 3600);
        json.put("event_time_source", "user");
        json.put("repeat_mode", "once");
        json.put("creation_time", plan.createdSeconds());
        if (plan.locationId() == null) {
            json.put("location_id", 0);
        }
        else {
            number(json, "location_id", plan.locationId());
        }
        json.put("location_name", plan.locationName());
        json.put("latitude", "");
        json.put("longitude", "");
        json.put("note", "");
        json.put("timezone_id", 0);
        json.put("end_time", 0);
        number(json, "oid", plan.id());
        json.put("type", 8128);
        json.put("is_active", true);
        json.putNull("location_address");
        ObjectNode members = json.putObject("event_members");
        for (Map.Entry<String, Plan.GuestState> guest : plan.guests().entrySet()) {
            members.put(guest.getKey(), guest.getValue().name());
        }
        return json;
    }

    private static void number(ObjectNode json, String name, String id) {
        try {
            json.put(name, Long.parseLong(id));
        }
        catch (NumberFormatException ex) {
            json.put(name, id);
        }
    }
}
