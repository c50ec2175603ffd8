package dev.fbchat.emulator.world;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import dev.fbchat.emulator.world.DeltaShapes.AdminText;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls, polls and plans: admin texts of type {@code messenger_call_log},
 * {@code participant_joined_group_call}, {@code group_poll} and {@code lightweight_event_*}
 * (docs/emulator-protocol.md, "Real-time events"). Polls show in {@code get_poll_options}, plans
 * in {@code event_reminders} and {@code /ajax/eventreminder}, calls in {@code rtc_call_data}.
 */
public final class EventActions extends ActionSupport {

    private final AtomicLong nextPollId = new AtomicLong(600_000_000_001_000L);

    private final AtomicLong nextOptionId = new AtomicLong(610_000_000_000_001L);

    private final AtomicLong nextPlanId = new AtomicLong(700_000_000_001_000L);

    EventActions(World world) {
        super(world);
    }

    // ---- Calls ----

    /**
     * Starts a call. In a group: {@code messenger_call_log} with {@code event} {@code group_call_started};
     * one-to-one Facebook logs nothing until the call ends (the phone rings over {@code /webrtc},
     * which the emulator does not speak).
     *
     * @throws IllegalArgumentException when a call is going on
     */
    public OngoingCall startCall(String threadId, String actorId, boolean video) {
        synchronized (this.world) {
            ChatThread thread = thread(threadId);
            requireParticipant(thread, actorId);
            ThreadState state = this.world.state(thread.id());
            if (state.call != null) {
                throw new IllegalArgumentException("a call is going on in thread " + threadId);
            }
            OngoingCall call = new OngoingCall(actorId, video, System.currentTimeMillis(), List.of(),
                    RandomTokens.urlSafe(12), "MESSENGER:" + RandomTokens.digits(15));
            state.call = call;
            if (thread.kind() == ThreadKind.GROUP) {
                this.world.threadActions().announce(thread, actorId,
                        AdminText.of("messenger_call_log", callLog(call, "group_call_started", thread, 0, false)),
                        receiver -> subject(actorId, receiver) + " started a call.");
            }
            return call;
        }
    }

    /**
     * Someone joins the call: in a group {@code participant_joined_group_call} (one-to-one, the
     * other person answering, logs nothing).
     *
     * @throws IllegalArgumentException when no call is going on, or they are in it already
     */
    public OngoingCall joinCall(String threadId, String actorId) {
        synchronized (this.world) {
            ChatThread thread = thread(threadId);
            requireParticipant(thread, actorId);
            ThreadState state = this.world.state(thread.id());
            OngoingCall call = requireCall(state, threadId);
            if (call.initiatorId().equals(actorId) || call.joined().contains(actorId)) {
                throw new IllegalArgumentException(actorId + " is in the call already");
            }
            OngoingCall joined = call.joinedBy(actorId);
            state.call = joined;
            if (thread.kind() == ThreadKind.GROUP) {
                ObjectNode data = EmulatorJson.MAPPER.createObjectNode();
                data.put("server_info_data", call.serverInfo());
                data.put("group_call_type", call.video() ? "1" : "0");
                data.put("joining_user", actorId);
                this.world.threadActions().announce(thread, actorId, AdminText.of("participant_joined_group_call", data)
                    .withTags(List.of("source:titan:web"), List.of("source:generic_admin_text")),
                        receiver -> subject(actorId, receiver) + " joined the call.");
            }
            return joined;
        }
    }

    /**
     * Ends the call: {@code messenger_call_log} with {@code event} {@code group_call_ended} or
     * {@code one_on_one_call_ended} and {@code call_duration} in seconds. The log message is the
     * caller's, as Facebook's is.
     *
     * @return how long the call took, in seconds
     * @throws IllegalArgumentException when no call is going on
     */
    public long endCall(String threadId, String actorId) {
        synchronized (this.world) {
            ChatThread thread = thread(threadId);
            requireParticipant(thread, actorId);
            ThreadState state = this.world.state(thread.id());
            OngoingCall call = requireCall(state, threadId);
            state.call = null;
            long duration = Math.max(0, (System.currentTimeMillis() - call.startedAt()) / 1000);
            String caller = call.initiatorId();
            if (thread.kind() == ThreadKind.GROUP) {
                this.world.threadActions().announce(thread, caller,
                        AdminText.of("messenger_call_log", callLog(call, "group_call_ended", thread, duration, true)),
                        receiver -> "The call ended.");
            }
            else {
                String callee = thread.otherParticipant(caller);
                AdminText type = AdminText.of("messenger_call_log",
                        callLog(call, "one_on_one_call_ended", thread, duration, true))
                    .withTags(List.of("source:titan:web", "no_push"), List.of("source:generic_admin_text", "no_push"))
                    .quiet()
                    .withFanout();
                this.world.threadActions().announce(thread, caller, type, receiver -> receiver.equals(caller) ? "You called " + this.world.actorName(callee) + "."
                                : this.world.actorName(caller) + " called you.");
            }
            return duration;
        }
    }

    private static OngoingCall requireCall(ThreadState state, String threadId) {
        if (state.call == null) {
            throw new IllegalArgumentException("no call is going on in thread " + threadId);
        }
        return state.call;
    }

    /** {@code untypedData} of {@code messenger_call_log}. */
    private static ObjectNode callLog(OngoingCall call, String event, ChatThread thread, long duration, boolean ended) {
        boolean group = thread.kind() == ThreadKind.GROUP;
        ObjectNode data = EmulatorJson.MAPPER.createObjectNode();
        data.put("call_capture_attachments", "");
        data.put("caller_id", call.initiatorId());
        data.put("conference_name", call.conferenceName());
        data.put("rating", ended ? "0" : "");
        data.put("messenger_call_instance_id", ended ? Long.toString(call.startedAt()) : "0");
        data.put("video", call.video() ? "1" : "");
        data.put("event", event);
        data.put("server_info", group ? call.serverInfo() : "");
        data.put("call_duration", Long.toString(duration));
        data.put("callee_id", group ? "0" : thread.otherParticipant(call.initiatorId()));
        return data;
    }

    // ---- Polls ----

    /**
     * Creates a poll in a group, {@code options} mapping each option's text to whether the
     * creator votes for it (as fbchat's {@code create_poll}): {@code group_poll} with
     * {@code event_type} {@code question_creation}.
     *
     * @throws IllegalArgumentException when the question is blank or there is no option
     */
    public Poll createPoll(String threadId, String actorId, String question, Map<String, Boolean> options) {
        if (question.isBlank() || options.isEmpty()) {
            throw new IllegalArgumentException("a poll needs a question and at least one option");
        }
        synchronized (this.world) {
            ChatThread thread = group(threadId);
            requireParticipant(thread, actorId);
            List<Poll.Option> list = new ArrayList<>();
            options.forEach((text, vote) -> list.add(new Poll.Option(Long.toString(this.nextOptionId.getAndIncrement()),
                    text, Boolean.TRUE.equals(vote) ? List.of(actorId) : List.of())));
            Poll poll = new Poll(Long.toString(this.nextPollId.getAndIncrement()), thread.id(), question, list);
            this.world.pollsById().put(poll.id(), poll);
            announcePoll(thread, actorId, poll, "question_creation", List.of(), List.of(),
                    receiver -> subject(actorId, receiver) + " created a poll: " + question + ".");
            return poll;
        }
    }

    /**
     * {@code actorId}'s votes become exactly {@code optionIds} plus new options of
     * {@code newOptions} (as fbchat's {@code update_poll_vote}): {@code group_poll} with
     * {@code event_type} {@code update_vote}, {@code added_option_ids} and {@code removed_option_ids}.
     *
     * @throws IllegalArgumentException when the poll is not the thread's or an option is not the poll's
     */
    public Poll vote(String threadId, String pollId, String actorId, List<String> optionIds, List<String> newOptions) {
        synchronized (this.world) {
            ChatThread thread = group(threadId);
            requireParticipant(thread, actorId);
            Poll poll = this.world.pollsById().get(pollId);
            if (poll == null || !poll.threadId().equals(thread.id())) {
                throw new IllegalArgumentException("thread " + threadId + " holds no poll " + pollId);
            }
            Set<String> chosen = new LinkedHashSet<>(optionIds);
            for (String optionId : chosen) {
                if (poll.options().stream().noneMatch(option -> option.id().equals(optionId))) {
                    throw new IllegalArgumentException("poll " + pollId + " has no option " + optionId);
                }
            }
            List<String> added = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            List<Poll.Option> options = new ArrayList<>();
            for (Poll.Option option : poll.options()) {
                boolean before = option.voters().contains(actorId);
                boolean after = chosen.contains(option.id());
                List<String> voters = new ArrayList<>(option.voters());
                if (after && !before) {
                    voters.add(actorId);
                    added.add(option.id());
                }
                else if (before && !after) {
                    voters.remove(actorId);
                    removed.add(option.id());
                }
                options.add(new Poll.Option(option.id(), option.text(), voters));
            }
            for (String text : newOptions) {
                String id = Long.toString(this.nextOptionId.getAndIncrement());
                options.add(new Poll.Option(id, text, List.of(actorId)));
                added.add(id);
            }
            Poll voted = new Poll(poll.id(), poll.threadId(), poll.question(), options);
            this.world.pollsById().put(voted.id(), voted);
            String firstAdded = added.isEmpty() ? null
                    : options.stream().filter(option -> option.id().equals(added.get(0))).findFirst().orElseThrow().text();
            announcePoll(thread, actorId, voted, "update_vote", added, removed, receiver -> {
                String who = subject(actorId, receiver);
                if (firstAdded == null) {
                    return who + " removed " + (actorId.equals(receiver) ? "your" : "their") + " vote in the poll: "
                            + voted.question() + ".";
                }
                int others = added.size() - 1;
                return who + " voted for \"" + firstAdded + "\"" + (others > 0 ? " and " + others + " other option"
                        + (others > 1 ? "s" : "") : "") + " in the poll: " + voted.question() + ".";
            });
            return voted;
        }
    }

    private void announcePoll(ChatThread thread, String actorId, Poll poll, String eventType, List<String> added,
            List<String> removed, Function<String, String> text) {
        DeltaShapes.LogMessage log = this.world.threadActions().log(thread, actorId);
        fanOut(thread.participants(), (receiver, sequenceId) -> {
            ObjectNode data = EmulatorJson.MAPPER.createObjectNode();
            data.put("added_option_ids", ids(added));
            data.put("removed_option_ids", ids(removed));
            data.put("question_json", DeltaShapes.json(questionJson(poll, receiver)));
            data.put("event_type", eventType);
            data.put("question_id", poll.id());
            AdminText type = AdminText.of("group_poll", data)
                .withTags(List.of("source:titan:web"), List.of("source:generic_admin_text"));
            return type.delta(log, receiver, sequenceId, text.apply(receiver));
        });
    }

    /** A list of option ids as Facebook nests it: {@code "[1002,1003]"}. */
    private static String ids(List<String> ids) {
        ArrayNode list = EmulatorJson.MAPPER.createArrayNode();
        ids.forEach(id -> DeltaShapes.addNumber(list, id));
        return DeltaShapes.json(list);
    }

    /**
     * The poll as {@code question_json} gives it to a viewer: {@code total_count} is the number
     * of options, options most votes first.
     */
    private static ObjectNode questionJson(Poll poll, String viewerId) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("id", poll.id());
        json.put("text", poll.question());
        json.put("total_count", poll.options().size());
        json.put("viewer_has_voted",
                Boolean.toString(poll.options().stream().anyMatch(option -> option.voters().contains(viewerId))));
        ArrayNode options = json.putArray("options");
        poll.options()
            .stream()
            .sorted(Comparator.comparingInt((Poll.Option option) -> option.voters().size()).reversed())
            .forEach(option -> {
                ObjectNode entry = options.addObject();
                entry.put("id", option.id());
                entry.put("text", option.text());
                entry.put("total_count", option.voters().size());
                entry.put("viewer_has_voted", Boolean.toString(option.voters().contains(viewerId)));
                ArrayNode voters = entry.putArray("voters");
                option.voters().forEach(voters::add);
            });
        return json;
    }

    // ---- Plans ----

    /**
     * Creates a plan (the creator {@code GOING}, every other participant account {@code INVITED}):
     * {@code lightweight_event_create}.
     *
     * @throws IllegalArgumentException when the title is blank
     */
    public Plan createPlan(String threadId, String actorId, String title, long timeSeconds, @Nullable String locationName,
            @Nullable String locationId) {
        if (title.isBlank()) {
            throw new IllegalArgumentException("a plan needs a title");
        }
        synchronized (this.world) {
            ChatThread thread = thread(threadId);
            requireParticipant(thread, actorId);
            Map<String, Plan.GuestState> guests = new LinkedHashMap<>();
            for (String participant : thread.participants()) {
                if (this.world.account(participant).isPresent()) {
                    guests.put(participant, participant.equals(actorId) ? Plan.GuestState.GOING : Plan.GuestState.INVITED);
                }
            }
            Plan plan = new Plan(Long.toString(this.nextPlanId.getAndIncrement()), thread.id(), title, timeSeconds,
                    locationName, locationId, actorId, guests, System.currentTimeMillis() / 1000);
            this.world.plansById().put(plan.id(), plan);
            ObjectNode data = EmulatorJson.MAPPER.createObjectNode();
            data.put("event_timezone", "");
            data.put("event_creator_id", plan.creatorId());
            data.put("event_id", plan.id());
            data.put("event_type", "EVENT");
            data.put("event_track_rsvp", "1");
            data.put("event_title", plan.title());
            data.put("event_time", Long.toString(plan.timeSeconds()));
            data.put("event_seconds_to_notify_before", "3600");
            data.put("guest_state_list", guestList(plan));
            putLocation(data, plan, true);
            this.world.threadActions().announce(thread, actorId, AdminText.of("lightweight_event_create", data),
                    receiver -> subject(actorId, receiver) + " created a plan.");
            return plan;
        }
    }

    /**
     * Changes a plan's title, time or place (each {@code null}: unchanged; an empty location name
     * removes the place): {@code lightweight_event_update}.
     */
    public Plan editPlan(String planId, String actorId, @Nullable String title, @Nullable Long timeSeconds,
            @Nullable String locationName, @Nullable String locationId) {
        synchronized (this.world) {
            Plan plan = plan(planId);
            ChatThread thread = thread(plan.threadId());
            requireParticipant(thread, actorId);
            if (title != null && title.isBlank()) {
                throw new IllegalArgumentException("a plan needs a title");
            }
            boolean dropPlace = locationName != null && locationName.isEmpty();
            Plan edited = new Plan(plan.id(), plan.threadId(), title != null ? title : plan.title(),
                    timeSeconds != null ? timeSeconds : plan.timeSeconds(),
                    dropPlace ? null : locationName != null ? locationName : plan.locationName(),
                    dropPlace ? null : locationId != null ? locationId : plan.locationId(), plan.creatorId(), plan.guests(),
                    plan.createdSeconds());
            this.world.plansById().put(edited.id(), edited);
            ObjectNode data = planData(edited, true, true);
            this.world.threadActions().announce(thread, actorId, AdminText.of("lightweight_event_update", data),
                    receiver -> subject(actorId, receiver) + (title != null ? " named the plan " + edited.title() + "."
                            : " updated the plan " + edited.title() + "."));
            return edited;
        }
    }

    /** Deletes a plan: {@code lightweight_event_delete}; it leaves {@code event_reminders}. */
    public Plan deletePlan(String planId, String actorId) {
        synchronized (this.world) {
            Plan plan = plan(planId);
            ChatThread thread = thread(plan.threadId());
            requireParticipant(thread, actorId);
            this.world.plansById().remove(plan.id());
            ObjectNode data = planData(plan, false, false);
            this.world.threadActions().announce(thread, actorId, AdminText.of("lightweight_event_delete", data),
                    receiver -> subject(actorId, receiver) + " deleted the plan " + plan.title() + ".");
            return plan;
        }
    }

    /** A plan's time comes (Facebook's reminder): {@code lightweight_event_notify}, the creator's log message. */
    public Plan endPlan(String planId) {
        synchronized (this.world) {
            Plan plan = plan(planId);
            ChatThread thread = thread(plan.threadId());
            ObjectNode data = planData(plan, true, true);
            this.world.threadActions().announce(thread, plan.creatorId(), AdminText.of("lightweight_event_notify", data),
                    receiver -> plan.title() + " is happening now.");
            return plan;
        }
    }

    /** Someone answers a plan, going or not: {@code lightweight_event_rsvp} with {@code guest_status}. */
    public Plan respondToPlan(String planId, String actorId, boolean going) {
        synchronized (this.world) {
            Plan plan = plan(planId);
            ChatThread thread = thread(plan.threadId());
            requireParticipant(thread, actorId);
            Map<String, Plan.GuestState> guests = new LinkedHashMap<>(plan.guests());
            Plan.GuestState state = going ? Plan.GuestState.GOING : Plan.GuestState.DECLINED;
            guests.put(actorId, state);
            Plan answered = new Plan(plan.id(), plan.threadId(), plan.title(), plan.timeSeconds(), plan.locationName(),
                    plan.locationId(), plan.creatorId(), guests, plan.createdSeconds());
            this.world.plansById().put(answered.id(), answered);
            ObjectNode data = EmulatorJson.MAPPER.createObjectNode();
            data.put("event_creator_id", answered.creatorId());
            data.put("guest_status", state.name());
            data.put("latitude", "0");
            data.put("event_track_rsvp", "1");
            data.put("event_title", answered.title());
            data.put("event_seconds_to_notify_before", "3600");
            data.put("guest_state_list", guestList(answered));
            data.put("event_end_time", "0");
            data.put("event_timezone", "");
            data.put("event_id", answered.id());
            data.put("event_type", "EVENT");
            data.put("guest_id", actorId);
            putLocation(data, answered, false);
            data.put("event_time", Long.toString(answered.timeSeconds()));
            data.put("event_note", "");
            data.put("longitude", "0");
            this.world.threadActions().announce(thread, actorId, AdminText.of("lightweight_event_rsvp", data),
                    receiver -> subject(actorId, receiver) + " responded " + (going ? "Going" : "Can't Go") + " to "
                            + answered.title() + ".");
            return answered;
        }
    }

    private Plan plan(String planId) {
        Plan plan = this.world.plansById().get(planId);
        if (plan == null) {
            throw new NoSuchElementException("no plan " + planId);
        }
        return plan;
    }

    /**
     * The {@code untypedData} of an edited, deleted or ended plan ({@code creator}: with
     * {@code event_creator_id}; {@code placeName}: with {@code event_location_name}, which
     * Facebook leaves out of a deletion).
     */
    private static ObjectNode planData(Plan plan, boolean creator, boolean placeName) {
        ObjectNode data = EmulatorJson.MAPPER.createObjectNode();
        if (creator) {
            data.put("event_creator_id", plan.creatorId());
        }
        data.put("latitude", "0");
        data.put("event_title", plan.title());
        data.put("event_seconds_to_notify_before", "3600");
        data.put("guest_state_list", guestList(plan));
        data.put("event_end_time", "0");
        data.put("event_timezone", "");
        data.put("event_id", plan.id());
        data.put("event_type", "EVENT");
        putLocation(data, plan, placeName);
        data.put("event_time", Long.toString(plan.timeSeconds()));
        data.put("event_note", "");
        data.put("longitude", "0");
        return data;
    }

    /**
     * {@code event_location_id} when the plan's place is a page, and ({@code withName})
     * {@code event_location_name} when it has a place ({@code ""} for a page without a name).
     */
    private static void putLocation(ObjectNode data, Plan plan, boolean withName) {
        if (plan.locationId() != null) {
            data.put("event_location_id", plan.locationId());
        }
        if (withName && (plan.locationName() != null || plan.locationId() != null)) {
            data.put("event_location_name", plan.locationName() == null ? "" : plan.locationName());
        }
    }

    /** {@code guest_state_list}: {@code [{"guest_list_state":"GOING","node":{"id":"..."}},...]} as a string. */
    private static String guestList(Plan plan) {
        ArrayNode list = EmulatorJson.MAPPER.createArrayNode();
        plan.guests().forEach((id, state) -> {
            ObjectNode entry = list.addObject();
            entry.put("guest_list_state", state.name());
            entry.putObject("node").put("id", id);
        });
        return DeltaShapes.json(list);
    }
}
