package dev.fbchat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.fbchat.emulator.driver.EmulatorDriver.DriverMessage;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverPlan;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverPoll;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverThread;
import dev.fbchat.event.AdminsAdded;
import dev.fbchat.event.AdminsRemoved;
import dev.fbchat.event.ApprovalModeSet;
import dev.fbchat.event.Connect;
import dev.fbchat.event.MessagesDelivered;
import dev.fbchat.event.PeopleAdded;
import dev.fbchat.event.PersonRemoved;
import dev.fbchat.event.PlanDeleted;
import dev.fbchat.event.PlanEdited;
import dev.fbchat.event.PlanResponded;
import dev.fbchat.event.PollVoted;
import dev.fbchat.event.ReactionEvent;
import dev.fbchat.event.ThreadsRead;
import dev.fbchat.event.TitleSet;
import dev.fbchat.event.UnsendEvent;
import dev.fbchat.listen.Listener;
import dev.fbchat.message.Message;
import dev.fbchat.message.MessageData;
import dev.fbchat.plan.GuestStatus;
import dev.fbchat.plan.Plan;
import dev.fbchat.plan.PlanData;
import dev.fbchat.poll.Poll;
import dev.fbchat.poll.PollOption;
import dev.fbchat.thread.Group;
import dev.fbchat.thread.GroupData;
import dev.fbchat.thread.ThreadLocation;
import dev.fbchat.thread.User;
import dev.fbchat.thread.UserData;
import dev.fbchat.upload.FileUpload;
import dev.fbchat.upload.UploadedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static dev.fbchat.ActionFixture.ALICE;
import static dev.fbchat.ActionFixture.BOB;
import static dev.fbchat.ActionFixture.BOT;
import static dev.fbchat.ActionFixture.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * The changes of groups, people, messages, polls, plans and the account's threads, end to end against the emulator:
 * each method's request as fbchat sends it, and what it changed, read back through the fetch methods, the driver or
 * the bot's own events.
 */
class ChangeActionsEndToEndTests {

    /** A seeded person who is not the bot's friend. */
    static final String HEIDI = "100000000000012";

    @RegisterExtension
    static final ActionFixture bot = new ActionFixture();

    @Test
    void addsAndRemovesPeopleAndAdministrators() {
        DriverThread created = bot.newGroup("People", ALICE);
        Group group = new Group(bot.session, created.id());

        String logId = group.addParticipants(List.of(BOB, CAROL));
        assertThat(bot.lastSend()).containsExactly(entry("thread_fbid", created.id()),
                entry("action_type", "ma-type:log-message"), entry("log_message_type", "log:subscribe"),
                entry("log_message_data[added_participants][0]", "fbid:" + BOB),
                entry("log_message_data[added_participants][1]", "fbid:" + CAROL));
        assertThat(logId).startsWith("mid.$");
        assertThat(bot.events.next(PeopleAdded.class, e -> e.thread().equals(group)).added())
            .extracting(User::id).containsExactly(BOB, CAROL);

        group.removeParticipant(CAROL);
        assertThat(bot.lastForm("/chat/remove_participants/")).containsExactly(entry("uid", CAROL),
                entry("tid", created.id()));
        assertThat(bot.events.next(PersonRemoved.class, e -> e.thread().equals(group)).removed().id()).isEqualTo(CAROL);

        group.addAdmins(List.of(ALICE, BOB));
        assertThat(bot.lastForm("/messaging/save_admins/")).containsExactly(entry("add", "True"),
                entry("thread_fbid", created.id()), entry("admin_ids[0]", ALICE), entry("admin_ids[1]", BOB));
        assertThat(bot.events.next(AdminsAdded.class, e -> e.thread().equals(group)).added()).extracting(User::id)
            .contains(ALICE);
        group.removeAdmins(List.of(BOB));
        assertThat(bot.lastForm("/messaging/save_admins/")).containsEntry("add", "False")
            .containsEntry("admin_ids[0]", BOB);
        assertThat(bot.events.next(AdminsRemoved.class, e -> e.thread().equals(group)).removed()).extracting(User::id)
            .containsExactly(BOB);

        GroupData data = groupData(created);
        assertThat(data.participants()).extracting(thread -> thread.id()).containsExactlyInAnyOrder(BOT, ALICE, BOB);
        assertThat(data.admins()).containsExactlyInAnyOrder(BOT, ALICE);
        assertThatThrownBy(() -> group.addParticipants(List.of(BOT))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Cannot add self");
    }

    @Test
    void setsTitleImageAndApprovalAndAnswersJoinRequests() {
        DriverThread created = bot.driver.createThread(Map.of("type", "GROUP", "name", "Club", "participants",
                List.of(BOT, ALICE), "admins", List.of(BOT), "approvalRequests", List.of(BOB, CAROL)));
        Group group = new Group(bot.session, created.id());

        group.setTitle("Book club");
        assertThat(bot.lastForm("/messaging/set_thread_name/")).containsExactly(entry("thread_name", "Book club"),
                entry("thread_id", created.id()));
        assertThat(bot.events.next(TitleSet.class, e -> e.thread().equals(group)).title()).isEqualTo("Book club");
        List<UploadedFile> image = bot.client.upload(List.of(new FileUpload("club.png", ActionFixture.png(20, 20),
                "image/png")));
        group.setImage(image.get(0));
        assertThat(bot.lastForm("/messaging/set_thread_image/")).containsExactly(
                entry("thread_image_id", image.get(0).id()), entry("thread_id", created.id()));
        group.setApprovalMode(true);
        assertThat(bot.lastForm("/messaging/set_approval_mode/")).containsExactly(entry("set_mode", "1"),
                entry("thread_fbid", created.id()));
        assertThat(bot.events.next(ApprovalModeSet.class, e -> e.thread().equals(group)).requireAdminApproval()).isTrue();

        group.acceptUsers(List.of(BOB));
        JsonNode accept = graphqlQuery();
        assertThat(accept.path("doc_id").asString()).isEqualTo("1574519202665847");
        assertThat(accept.path("query_params").path("data")).isEqualTo(json("{\"client_mutation_id\":\"0\",\"actor_id\":\""
                + BOT + "\",\"thread_fbid\":\"" + created.id() + "\",\"user_ids\":[\"" + BOB
                + "\"],\"response\":\"ACCEPT\",\"surface\":\"ADMIN_MODEL_APPROVAL_CENTER\"}"));
        group.denyUsers(List.of(CAROL));
        assertThat(graphqlQuery().path("query_params").path("data").path("response").asString()).isEqualTo("DENY");

        GroupData data = groupData(created);
        assertThat(data.name()).isEqualTo("Book club");
        assertThat(data.photo().url()).contains(image.get(0).id());
        assertThat(data.approvalMode()).isTrue();
        assertThat(data.participants()).extracting(thread -> thread.id()).contains(BOB).doesNotContain(CAROL);
        assertThat(data.approvalRequests()).isNullOrEmpty();
        assertThatThrownBy(() -> group.acceptUsers(List.of(CAROL))).isInstanceOf(GraphQLError.class);
    }

    @Test
    void confirmsRemovesBlocksAndUnblocksPeople() {
        User heidi = new User(bot.session, HEIDI);
        bot.driver.sendFriendRequest(HEIDI, BOT);

        heidi.confirmFriendRequest();
        assertThat(bot.lastForm("/ajax/add_friend/action.php")).containsExactly(entry("to_friend", HEIDI),
                entry("action", "confirm"));
        assertThat(bot.driver.relations(BOT).friends()).contains(HEIDI);
        assertThat(friend(HEIDI)).isTrue();

        heidi.removeFriend();
        assertThat(bot.lastForm("/ajax/profile/removefriendconfirm.php")).containsExactly(entry("uid", HEIDI));
        assertThat(bot.driver.relations(BOT).friends()).doesNotContain(HEIDI);

        heidi.block();
        assertThat(bot.lastForm("/messaging/block_messages/")).containsExactly(entry("fbid", HEIDI));
        assertThat(bot.driver.relations(BOT).blocked()).containsExactly(HEIDI);
        heidi.unblock();
        assertThat(bot.lastForm("/messaging/unblock_messages/")).containsExactly(entry("fbid", HEIDI));
        assertThat(bot.driver.relations(BOT).blocked()).isEmpty();

        assertThatThrownBy(heidi::confirmFriendRequest).isInstanceOf(InvalidParameters.class);
    }

    @Test
    void reactsUnsendsAndDeletesMessages() {
        DriverThread created = bot.newGroup("Reactions", ALICE);
        Group group = new Group(bot.session, created.id());
        DriverMessage hello = bot.driver.send(created.id(), ALICE, "hello");
        Message message = new Message(group, hello.id());

        message.react("😍");
        Map<String, String> form = bot.lastForm("/webgraphql/mutation");
        assertThat(form).containsOnlyKeys("doc_id", "variables").containsEntry("doc_id", "1491398900900362");
        assertThat(json(form.get("variables"))).isEqualTo(json("{\"data\":{\"action\":\"ADD_REACTION\","
                + "\"client_mutation_id\":\"1\",\"actor_id\":\"" + BOT + "\",\"message_id\":\"" + hello.id()
                + "\",\"reaction\":\"😍\"}}"));
        assertThat(form.get("variables")).contains("\\ud83d\\ude0d");
        assertThat(message.fetch().reactions()).containsEntry(BOT, "😍");
        assertThat(bot.events.next(ReactionEvent.class, e -> e.message().equals(message)).reaction()).isEqualTo("😍");
        message.react(null);
        assertThat(json(bot.lastForm("/webgraphql/mutation").get("variables")).path("data").path("action").asString())
            .isEqualTo("REMOVE_REACTION");
        assertThat(message.fetch().reactions()).isEmpty();

        String own = group.sendText("oops");
        new Message(group, own).unsend();
        assertThat(bot.lastForm("/messaging/unsend_message/")).containsExactly(entry("message_id", own));
        assertThat(bot.events.next(UnsendEvent.class, e -> e.message().id().equals(own)).author().id()).isEqualTo(BOT);
        assertThat(group.fetchMessage(own).unsent()).isTrue();

        String other = group.sendText("tidy up");
        new Message(group, other).delete();
        assertThat(bot.lastForm("/ajax/mercury/delete_messages.php")).containsExactly(entry("message_ids[0]", other));
        bot.client.deleteMessages(List.of(message));
        assertThat(bot.lastForm("/ajax/mercury/delete_messages.php")).containsExactly(entry("message_ids[0]", hello.id()));
        assertThat(group.fetchMessages(null)).extracting(MessageData::id).doesNotContain(other, hello.id()).contains(own);
    }

    @Test
    void marksThreadsReadUnreadSeenAndDelivered() throws Exception {
        DriverThread created = bot.newGroup("Receipts", ALICE);
        Group group = new Group(bot.session, created.id());
        DriverMessage news = bot.driver.send(created.id(), ALICE, "news");
        Instant at = Instant.ofEpochMilli(news.timestamp());

        try (EventRecorder alice = EventRecorder.start(new Listener(bot.loginAs(ALICE), false, false))) {
            alice.awaitCount(Connect.class, 1, java.time.Duration.ofSeconds(5));
            bot.client.markAsDelivered(new Message(group, news.id()));
            assertThat(bot.lastForm("/ajax/mercury/delivery_receipts.php")).containsExactly(
                    entry("message_ids[0]", news.id()), entry("thread_ids[" + created.id() + "][0]", news.id()));
            MessagesDelivered delivered = alice.next(MessagesDelivered.class, e -> e.author().id().equals(BOT));
            assertThat(delivered.messages()).extracting(Message::id).containsExactly(news.id());
        }

        bot.client.markAsRead(List.of(group), at);
        assertThat(bot.lastForm("/ajax/mercury/change_read_status.php")).containsExactly(
                entry("watermarkTimestamp", Long.toString(news.timestamp())), entry("shouldSendReadReceipt", "true"),
                entry("ids[" + created.id() + "]", "true"));
        assertThat(bot.driver.thread(created.id()).readWatermarks()).containsEntry(BOT, news.timestamp());
        assertThat(bot.events.next(ThreadsRead.class, e -> e.threads().contains(group))).isNotNull();

        bot.client.markAsUnread(List.of(group), at);
        assertThat(bot.lastForm("/ajax/mercury/change_read_status.php")).containsEntry("ids[" + created.id() + "]",
                "false");
        assertThat(bot.driver.thread(created.id()).readWatermarks().get(BOT)).isLessThan(news.timestamp());
        assertThat(bot.client.fetchUnread()).contains(group);

        bot.client.markAsSeen(at);
        assertThat(bot.lastForm("/ajax/mercury/mark_seen.php")).containsExactly(
                entry("seen_timestamp", Long.toString(news.timestamp())));
    }

    @Test
    void movesAndDeletesThreads() {
        DriverThread first = bot.newGroup("Archive me", ALICE);
        DriverThread second = bot.newGroup("Filter me", BOB);
        Group archived = new Group(bot.session, first.id());
        Group filtered = new Group(bot.session, second.id());

        bot.client.moveThreads(ThreadLocation.ARCHIVED, List.of(archived));
        assertThat(bot.lastForm("/ajax/mercury/change_archived_status.php")).containsExactly(
                entry("ids[" + first.id() + "]", "true"));
        assertThat(bot.lastForm("/ajax/mercury/change_pinned_status.php")).containsExactly(
                entry("ids[" + first.id() + "]", "false"));
        assertThat(bot.driver.thread(first.id()).folders()).containsEntry(BOT, "ARCHIVED");

        bot.client.moveThreads(ThreadLocation.PENDING, List.of(filtered));
        assertThat(bot.lastForm("/ajax/mercury/move_threads.php")).containsExactly(entry("other[0]", second.id()));
        assertThat(bot.driver.thread(second.id()).folders()).containsEntry(BOT, "OTHER");
        bot.client.moveThreads(ThreadLocation.INBOX, List.of(archived, filtered));
        assertThat(bot.lastForm("/ajax/mercury/move_threads.php")).containsExactly(entry("inbox[0]", first.id()),
                entry("inbox[1]", second.id()));
        assertThat(bot.driver.thread(first.id()).folders()).containsEntry(BOT, "INBOX");

        bot.client.deleteThreads(List.of(archived, filtered));
        assertThat(bot.lastForm("/ajax/mercury/delete_thread.php")).containsExactly(entry("ids[0]", first.id()),
                entry("ids[1]", second.id()));
        assertThat(bot.client.fetchThreads(null)).extracting(dev.fbchat.thread.ThreadData::id)
            .doesNotContain(first.id(), second.id());
    }

    @Test
    void votesInPolls() {
        DriverThread created = bot.newGroup("Votes", ALICE);
        DriverPoll asked = bot.driver.createPoll(created.id(), ALICE, "Where?",
                new java.util.LinkedHashMap<>(Map.of("Park", false)));
        Poll poll = new Poll(bot.session, asked.id(), "Where?", List.of(), null);

        poll.setVotes(List.of(asked.options().get(0).id()), List.of("Beach"));
        assertThat(bot.lastForm("/messaging/group_polling/update_vote/")).containsExactly(entry("question_id", asked.id()),
                entry("selected_options[0]", asked.options().get(0).id()), entry("new_options[0]", "Beach"));
        assertThat(poll.fetchOptions()).extracting(PollOption::text, PollOption::vote)
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Park", true),
                    org.assertj.core.groups.Tuple.tuple("Beach", true));
        assertThat(bot.events.next(PollVoted.class, e -> e.poll().id().equals(asked.id())).author().id())
            .isEqualTo(BOT);

        poll.setVotes(List.of());
        assertThat(bot.lastForm("/messaging/group_polling/update_vote/")).containsExactly(
                entry("question_id", asked.id()));
        assertThat(poll.fetchOptions()).extracting(PollOption::vote).containsOnly(false);
        assertThatThrownBy(() -> new Poll(bot.session, "424242", null, List.of(), null).setVotes(List.of("1")))
            .isInstanceOf(ExternalError.class)
            .hasMessageStartingWith("Failed updating poll vote: ");
    }

    @Test
    void editsAnswersAndDeletesPlans() {
        DriverThread created = bot.newGroup("Trip", ALICE);
        Group group = new Group(bot.session, created.id());
        DriverPlan asked = bot.driver.createPlan(created.id(), ALICE, "Hike", Instant.parse("2030-05-01T08:00:00Z"), null);
        Plan plan = new Plan(bot.session, asked.id());

        plan.participate();
        assertThat(bot.lastForm("/ajax/eventreminder/rsvp")).containsExactly(entry("event_reminder_id", asked.id()),
                entry("guest_state", "GOING"), entry("acontext", "action_history"));
        assertThat(plan.fetch().guests()).containsEntry(BOT, GuestStatus.GOING);
        assertThat(bot.events.next(PlanResponded.class, e -> e.thread().equals(group)).takePart()).isTrue();
        plan.decline();
        assertThat(bot.lastForm("/ajax/eventreminder/rsvp")).containsEntry("guest_state", "DECLINED");
        assertThat(plan.fetch().guests()).containsEntry(BOT, GuestStatus.DECLINED);

        Instant later = Instant.parse("2030-05-02T09:00:00Z");
        plan.edit("Long hike", later, "Mountains", null);
        assertThat(bot.lastForm("/ajax/eventreminder/submit")).containsExactly(entry("event_reminder_id", asked.id()),
                entry("delete", "false"), entry("date", Long.toString(later.getEpochSecond())),
                entry("location_name", "Mountains"), entry("location_id", ""), entry("title", "Long hike"),
                entry("acontext", "action_history"));
        PlanData edited = plan.fetch();
        assertThat(edited.title()).isEqualTo("Long hike");
        assertThat(edited.time()).isEqualTo(later);
        assertThat(edited.location()).isEqualTo("Mountains");
        assertThat(bot.events.next(PlanEdited.class, e -> e.thread().equals(group)).plan().title()).isEqualTo("Long hike");

        plan.delete();
        assertThat(bot.lastForm("/ajax/eventreminder/submit")).containsExactly(entry("event_reminder_id", asked.id()),
                entry("delete", "true"), entry("acontext", "action_history"));
        assertThat(bot.events.next(PlanDeleted.class, e -> e.thread().equals(group))).isNotNull();
    }

    private static GroupData groupData(DriverThread thread) {
        return (GroupData) bot.client.fetchThreadInfo(List.of(thread.id())).get(0);
    }

    private static boolean friend(String id) {
        return bot.client.fetchUsers().stream().filter(user -> user.id().equals(id)).findFirst()
            .map(UserData::isFriend).orElse(false);
    }

    private static JsonNode graphqlQuery() {
        return json(bot.lastRequest("/api/graphqlbatch/").fields().get("queries")).path("q0");
    }

    private static JsonNode json(String text) {
        return dev.fbchat.internal.FacebookJson.parse(text);
    }
}
