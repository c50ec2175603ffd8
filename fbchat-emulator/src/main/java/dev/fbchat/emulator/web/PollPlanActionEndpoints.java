package dev.fbchat.emulator.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.ChatThread;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.Plan;
import dev.fbchat.emulator.world.Poll;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creating and answering polls and plans. The poll endpoints answer {@code {"status": "success"}}, or
 * {@code "failure"} with an {@code errorTitle} and {@code errorMessage}; the plan endpoints answer an empty payload.
 */
final class PollPlanActionEndpoints extends ActionEndpoints {

    private static final String CREATE_POLL = "/messaging/group_polling/create_poll/";

    private static final String VOTE = "/messaging/group_polling/update_vote/";

    private static final String CREATE_PLAN = "/ajax/eventreminder/create";

    private static final String CHANGE_PLAN = "/ajax/eventreminder/submit";

    private static final String ANSWER_PLAN = "/ajax/eventreminder/rsvp";

    PollPlanActionEndpoints(World world) {
        super(world, CREATE_POLL, VOTE, CREATE_PLAN, CHANGE_PLAN, ANSWER_PLAN);
    }

    @Override
    protected FullHttpResponse act(String path, HttpExchange exchange, Account viewer) {
        return switch (path) {
            case CREATE_POLL -> pollAnswer(() -> createPoll(exchange, viewer));
            case VOTE -> pollAnswer(() -> vote(exchange, viewer));
            case CREATE_PLAN -> {
                ChatThread thread = threadOf(viewer, exchange.formField("thread_id"));
                this.world.eventActions().createPlan(thread.id(), viewer.id(), required(exchange, "title"),
                        longField(exchange, "event_time"), blankAsNull(exchange.formField("location_name")),
                        blankAsNull(exchange.formField("location_id")));
                yield payload(EmulatorJson.MAPPER.createObjectNode());
            }
            case CHANGE_PLAN -> {
                Plan plan = planOf(viewer, required(exchange, "event_reminder_id"));
                if ("true".equals(exchange.formField("delete"))) {
                    this.world.eventActions().deletePlan(plan.id(), viewer.id());
                }
                else {
                    String title = required(exchange, "title");
                    if (title.isBlank()) {
                        throw new IllegalArgumentException("a plan needs a title");
                    }
                    this.world.eventActions().editPlan(plan.id(), viewer.id(), title, longField(exchange, "date"),
                            exchange.formField("location_name"), blankAsNull(exchange.formField("location_id")));
                }
                yield payload(EmulatorJson.MAPPER.createObjectNode());
            }
            default -> {
                Plan plan = planOf(viewer, required(exchange, "event_reminder_id"));
                String state = required(exchange, "guest_state");
                if (!state.equals("GOING") && !state.equals("DECLINED")) {
                    throw new IllegalArgumentException("guest_state is GOING or DECLINED");
                }
                this.world.eventActions().respondToPlan(plan.id(), viewer.id(), state.equals("GOING"));
                yield payload(EmulatorJson.MAPPER.createObjectNode());
            }
        };
    }

    /** {@code question_text}, {@code target_id}, {@code option_text_array[i]}, {@code option_is_selected_array[i]}. */
    private void createPoll(HttpExchange exchange, Account viewer) {
        ChatThread thread = threadOf(viewer, exchange.formField("target_id"));
        List<String> texts = numbered(exchange, "option_text_array");
        List<String> selected = numbered(exchange, "option_is_selected_array");
        if (texts.isEmpty() || texts.size() != selected.size()) {
            throw new IllegalArgumentException("each option needs its text and whether it is selected");
        }
        Map<String, Boolean> options = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            options.put(texts.get(i), selected.get(i).equals("1"));
        }
        this.world.eventActions().createPoll(thread.id(), viewer.id(), required(exchange, "question_text"), options);
    }

    /** {@code question_id}, {@code selected_options[i]}, {@code new_options[i]}. */
    private void vote(HttpExchange exchange, Account viewer) {
        Poll poll = this.world.poll(required(exchange, "question_id").strip())
            .orElseThrow(() -> new IllegalArgumentException("no such poll"));
        this.world.eventActions().vote(poll.threadId(), poll.id(), viewer.id(), numbered(exchange, "selected_options"),
                numbered(exchange, "new_options"));
    }

    /** Runs a poll action: success, or the failure answer Facebook gives. */
    private static FullHttpResponse pollAnswer(Runnable action) {
        ObjectNode answer = EmulatorJson.MAPPER.createObjectNode();
        try {
            action.run();
            answer.put("status", "success");
        }
        catch (IllegalArgumentException | java.util.NoSuchElementException ex) {
            answer.put("status", "failure");
            answer.put("errorTitle", "Poll not saved");
            answer.put("errorMessage", "This poll could not be saved. Please try again.");
        }
        return payload(answer);
    }

    /** A plan in one of the viewer's threads. */
    private Plan planOf(Account viewer, String planId) {
        Plan plan = this.world.plan(planId.strip()).orElseThrow(() -> new IllegalArgumentException("no such plan"));
        if (!this.world.thread(plan.threadId()).map(thread -> thread.hasParticipant(viewer.id())).orElse(false)) {
            throw new IllegalArgumentException("not a plan of the viewer's");
        }
        return plan;
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
