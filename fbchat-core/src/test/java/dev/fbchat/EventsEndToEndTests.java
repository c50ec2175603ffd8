package dev.fbchat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverMessage;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverPlan;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverPoll;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverThread;
import dev.fbchat.event.AdminsAdded;
import dev.fbchat.event.AdminsRemoved;
import dev.fbchat.event.ApprovalModeSet;
import dev.fbchat.event.CallEnded;
import dev.fbchat.event.CallJoined;
import dev.fbchat.event.CallStarted;
import dev.fbchat.event.ColorSet;
import dev.fbchat.event.Connect;
import dev.fbchat.event.EmojiSet;
import dev.fbchat.event.Event;
import dev.fbchat.event.FriendRequest;
import dev.fbchat.event.LiveLocationEvent;
import dev.fbchat.event.MessageEvent;
import dev.fbchat.event.MessageReplyEvent;
import dev.fbchat.event.MessagesDelivered;
import dev.fbchat.event.NicknameSet;
import dev.fbchat.event.PeopleAdded;
import dev.fbchat.event.PersonRemoved;
import dev.fbchat.event.PlanCreated;
import dev.fbchat.event.PlanDeleted;
import dev.fbchat.event.PlanEdited;
import dev.fbchat.event.PlanEnded;
import dev.fbchat.event.PlanResponded;
import dev.fbchat.event.PollCreated;
import dev.fbchat.event.PollVoted;
import dev.fbchat.event.Presence;
import dev.fbchat.event.ReactionEvent;
import dev.fbchat.event.ThreadFolder;
import dev.fbchat.event.ThreadsRead;
import dev.fbchat.event.TitleSet;
import dev.fbchat.event.Typing;
import dev.fbchat.event.UnfetchedThreadEvent;
import dev.fbchat.event.UnknownEvent;
import dev.fbchat.event.UnsendEvent;
import dev.fbchat.event.UserStatusEvent;
import dev.fbchat.listen.Listener;
import dev.fbchat.plan.GuestStatus;
import dev.fbchat.thread.Group;
import dev.fbchat.thread.ThreadLocation;
import dev.fbchat.thread.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every event type end to end: a person the emulator plays acts, Messenger's payload crosses real MQTT over
 * WebSocket, and the bot's {@link Listener} delivers it as that typed event with the right fields.
 */
class EventsEndToEndTests {

    static final String BOT = "100000000000001";

    static final String ALICE = "100000000000002";

    static final String BOB = "100000000000003";

    static final String CAROL = "100000000000004";

    static final String ALICE_THREAD = "200000000000002";

    static MessengerEmulator emulator;

    static EmulatorDriver driver;

    static Session session;

    static EventRecorder recorder;

    @BeforeAll
    static void listen() {
        emulator = MessengerEmulator.start();
        driver = new EmulatorDriver(emulator.baseUrl());
        session = Session.login(emulator.bot().email(), emulator.bot().password(), null,
                SessionOptions.defaults().withEndpoints(Endpoints.local(emulator.baseUrl())));
        recorder = EventRecorder.start(new Listener(session, false, false));
        recorder.awaitCount(Connect.class, 1, Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() throws Exception {
        recorder.close();
        emulator.close();
    }

    @Test
    void messagesRepliesReactionsAndUnsends() {
        DriverThread group = newGroup("Messages", ALICE, BOB);
        DriverMessage question = driver.send(group.id(), ALICE, "Pizza tonight?");
        MessageEvent message = next(MessageEvent.class, e -> e.message().id().equals(question.id()));
        assertThat(message.author()).isEqualTo(new User(session, ALICE));
        assertThat(message.thread()).isEqualTo(new Group(session, group.id()));
        assertThat(message.message().text()).isEqualTo("Pizza tonight?");

        DriverMessage answer = driver.reply(group.id(), BOB, "Yes!", question.id());
        MessageReplyEvent reply = next(MessageReplyEvent.class, e -> e.message().id().equals(answer.id()));
        assertThat(reply.author()).isEqualTo(new User(session, BOB));
        assertThat(reply.message().text()).isEqualTo("Yes!");
        assertThat(reply.message().replyToId()).isEqualTo(question.id());
        assertThat(reply.repliedTo().id()).isEqualTo(question.id());
        assertThat(reply.repliedTo().text()).isEqualTo("Pizza tonight?");

        driver.react(group.id(), BOB, question.id(), "😍");
        ReactionEvent reaction = next(ReactionEvent.class, e -> "😍".equals(e.reaction()));
        assertThat(reaction.author()).isEqualTo(new User(session, BOB));
        assertThat(reaction.message().id()).isEqualTo(question.id());
        driver.react(group.id(), BOB, question.id(), null);
        assertThat(next(ReactionEvent.class, e -> e.reaction() == null).message().id()).isEqualTo(question.id());

        driver.unsend(group.id(), ALICE, question.id());
        UnsendEvent unsend = next(UnsendEvent.class, e -> e.message().id().equals(question.id()));
        assertThat(unsend.author()).isEqualTo(new User(session, ALICE));
        assertThat(unsend.thread()).isEqualTo(new Group(session, group.id()));
    }

    @Test
    void groupChanges() {
        DriverThread group = newGroup("Changes", ALICE, BOB);
        Group thread = new Group(session, group.id());

        driver.setTitle(group.id(), ALICE, "Renamed");
        TitleSet title = next(TitleSet.class, e -> e.thread().equals(thread) && "Renamed".equals(e.title()));
        assertThat(title.author()).isEqualTo(new User(session, ALICE));

        driver.addParticipants(group.id(), ALICE, List.of(CAROL));
        assertThat(next(PeopleAdded.class, e -> e.thread().equals(thread)).added())
            .containsExactly(new User(session, CAROL));
        driver.removeParticipant(group.id(), ALICE, CAROL);
        assertThat(next(PersonRemoved.class, e -> e.thread().equals(thread)).removed())
            .isEqualTo(new User(session, CAROL));

        driver.setColor(group.id(), ALICE, "#ff7e29");
        assertThat(next(ColorSet.class, e -> e.thread().equals(thread)).color()).isEqualTo("#ff7e29");
        driver.setEmoji(group.id(), ALICE, "🌟");
        assertThat(next(EmojiSet.class, e -> e.thread().equals(thread)).emoji()).isEqualTo("🌟");
        driver.setNickname(group.id(), ALICE, BOB, "Bobby");
        NicknameSet nickname = next(NicknameSet.class, e -> e.thread().equals(thread));
        assertThat(nickname.subject()).isEqualTo(new User(session, BOB));
        assertThat(nickname.nickname()).isEqualTo("Bobby");

        driver.addAdmins(group.id(), ALICE, List.of(BOB));
        assertThat(next(AdminsAdded.class, e -> e.thread().equals(thread)).added()).containsExactly(new User(session, BOB));
        driver.removeAdmins(group.id(), ALICE, List.of(BOB));
        assertThat(next(AdminsRemoved.class, e -> e.thread().equals(thread)).removed())
            .containsExactly(new User(session, BOB));
        driver.setApprovalMode(group.id(), ALICE, true);
        assertThat(next(ApprovalModeSet.class, e -> e.thread().equals(thread)).requireAdminApproval()).isTrue();

        driver.setImage(group.id(), ALICE, "https://cdn.fbchat.local/groups/new.jpg");
        assertThat(next(UnfetchedThreadEvent.class, e -> e.thread().equals(thread) && e.message() != null).thread())
            .isEqualTo(thread);
    }

    @Test
    void typingDeliveryAndReadReceipts() {
        driver.typing(ALICE_THREAD, ALICE, true);
        Typing typing = next(Typing.class, e -> e.thread().equals(new User(session, ALICE)));
        assertThat(typing.status()).isTrue();
        assertThat(typing.author()).isEqualTo(new User(session, ALICE));

        DriverThread group = newGroup("Receipts", ALICE, BOB);
        driver.typing(group.id(), BOB, true);
        assertThat(next(Typing.class, e -> e.thread().equals(new Group(session, group.id()))).author())
            .isEqualTo(new User(session, BOB));

        String sent = new User(session, ALICE).sendText("Did you get this?");
        driver.markDelivered(ALICE_THREAD, ALICE);
        MessagesDelivered delivered = next(MessagesDelivered.class,
                e -> e.messages().stream().anyMatch(m -> m.id().equals(sent)));
        assertThat(delivered.thread()).isEqualTo(new User(session, ALICE));

        driver.markRead(ALICE_THREAD, ALICE);
        ThreadsRead read = next(ThreadsRead.class, e -> e.author().equals(new User(session, ALICE)));
        assertThat(read.threads()).containsExactly(new User(session, ALICE));

        driver.moveThread(ALICE_THREAD, BOT, "ARCHIVED");
        ThreadFolder folder = next(ThreadFolder.class, e -> e.thread().equals(new User(session, ALICE)));
        assertThat(folder.folder()).isEqualTo(ThreadLocation.ARCHIVED);
        driver.moveThread(ALICE_THREAD, BOT, "INBOX");
    }

    @Test
    void calls() {
        DriverThread group = newGroup("Calls", ALICE, BOB);
        Group thread = new Group(session, group.id());
        driver.startCall(group.id(), ALICE, false);
        assertThat(next(CallStarted.class, e -> e.thread().equals(thread)).author()).isEqualTo(new User(session, ALICE));
        driver.joinCall(group.id(), BOB);
        assertThat(next(CallJoined.class, e -> e.thread().equals(thread)).author()).isEqualTo(new User(session, BOB));
        long seconds = driver.endCall(group.id(), ALICE);
        assertThat(next(CallEnded.class, e -> e.thread().equals(thread)).duration()).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void pollsAndPlans() {
        DriverThread group = newGroup("Plans", ALICE, BOB);
        Group thread = new Group(session, group.id());

        DriverPoll poll = driver.createPoll(group.id(), ALICE, "Where?", Map.of("Beach", true, "Park", false));
        PollCreated created = next(PollCreated.class, e -> e.thread().equals(thread));
        assertThat(created.poll().id()).isEqualTo(poll.id());
        assertThat(created.poll().question()).isEqualTo("Where?");
        assertThat(created.poll().options()).extracting(o -> o.text()).containsExactlyInAnyOrder("Beach", "Park");
        String park = poll.options().stream().filter(o -> o.text().equals("Park")).findFirst().orElseThrow().id();
        driver.vote(group.id(), poll.id(), BOB, List.of(park), List.of());
        PollVoted voted = next(PollVoted.class, e -> e.thread().equals(thread));
        assertThat(voted.author()).isEqualTo(new User(session, BOB));
        assertThat(voted.addedIds()).containsExactly(park);

        Instant when = Instant.parse("2030-06-01T18:00:00Z");
        DriverPlan plan = driver.createPlan(group.id(), ALICE, "Picnic", when, "The park");
        PlanCreated planCreated = next(PlanCreated.class, e -> e.thread().equals(thread));
        assertThat(planCreated.plan().id()).isEqualTo(plan.id());
        assertThat(planCreated.plan().title()).isEqualTo("Picnic");
        assertThat(planCreated.plan().time()).isEqualTo(when);
        assertThat(planCreated.plan().guests()).containsEntry(ALICE, GuestStatus.GOING);
        driver.editPlan(group.id(), plan.id(), ALICE, Map.of("title", "Big picnic"));
        assertThat(next(PlanEdited.class, e -> e.thread().equals(thread)).plan().title()).isEqualTo("Big picnic");
        driver.respondToPlan(group.id(), plan.id(), BOB, true);
        PlanResponded responded = next(PlanResponded.class, e -> e.thread().equals(thread));
        assertThat(responded.takePart()).isTrue();
        assertThat(responded.author()).isEqualTo(new User(session, BOB));
        driver.endPlan(group.id(), plan.id());
        assertThat(next(PlanEnded.class, e -> e.thread().equals(thread)).plan().id()).isEqualTo(plan.id());
        driver.deletePlan(group.id(), plan.id(), ALICE);
        assertThat(next(PlanDeleted.class, e -> e.thread().equals(thread)).plan().id()).isEqualTo(plan.id());
    }

    @Test
    void peopleLiveLocationsAndPresence() {
        driver.shareLiveLocation(ALICE_THREAD, ALICE, 55.4, 12.4322, "Home");
        LiveLocationEvent location = next(LiveLocationEvent.class, e -> e.thread().equals(new User(session, ALICE)));
        assertThat(location.author()).isEqualTo(new User(session, ALICE));
        assertThat(location.location().latitude()).isEqualTo(55.4);
        assertThat(location.location().name()).isEqualTo("Home");
        assertThat(location.location().isExpired()).isFalse();

        driver.setBlocked(ALICE, BOT, true);
        UserStatusEvent blocked = next(UserStatusEvent.class, e -> e.blocked());
        assertThat(blocked.author()).isEqualTo(new User(session, ALICE));
        driver.setBlocked(ALICE, BOT, false);
        assertThat(next(UserStatusEvent.class, e -> !e.blocked()).author()).isEqualTo(new User(session, ALICE));

        String stranger = driver.createAccount(EmulatorDriver.NewAccount.named("Dan Stranger")).id();
        driver.sendFriendRequest(stranger, BOT);
        assertThat(next(FriendRequest.class, e -> e.author().id().equals(stranger)).author())
            .isEqualTo(new User(session, stranger));

        driver.setPresence(ALICE, true);
        Presence presence = next(Presence.class, e -> e.statuses().containsKey(ALICE));
        assertThat(presence.statuses().get(ALICE).active()).isTrue();
    }

    @Test
    void framesOnTopicsNotReadAreUnknownEvents() {
        driver.publishFrame(BOT, "/webrtc", "{\"call\":\"ringing\"}");
        UnknownEvent unknown = next(UnknownEvent.class, e -> e.source().equals("/webrtc"));
        assertThat(unknown.data().path("call").asString()).isEqualTo("ringing");
    }

    @Test
    void aSyncMessageOfAnOddShapeCostsNeitherTheConnectionNorWhatFollows() {
        int connects = recorder.events(Connect.class).size();
        // a sequence id beyond a long, and deltas that are not deltas
        driver.publishFrame(BOT, "/t_ms",
                "{\"lastIssuedSeqId\":123456789012345678901234567890,\"deltas\":[7,{\"irisSeqId\":[1]}]}");
        DriverThread group = newGroup("After an odd frame", ALICE);
        DriverMessage after = driver.send(group.id(), ALICE, "Still there?");
        next(MessageEvent.class, e -> e.message().id().equals(after.id()));
        assertThat(recorder.events(Connect.class)).as("the same connection, never reopened").hasSize(connects);
    }

    private static DriverThread newGroup(String name, String... others) {
        List<String> participants = new java.util.ArrayList<>(List.of(BOT));
        participants.addAll(List.of(others));
        return driver.createGroup(name, participants);
    }

    /** Waits for the first event of a type that matches. */
    private static <T extends Event> T next(Class<T> type, Predicate<T> which) {
        await().atMost(Duration.ofSeconds(5))
            .pollInterval(Duration.ofMillis(10))
            .alias(type.getSimpleName())
            .until(() -> find(type, which).isPresent());
        return find(type, which).orElseThrow();
    }

    private static <T extends Event> Optional<T> find(Class<T> type, Predicate<T> which) {
        return recorder.events(type).stream().filter(which).findFirst();
    }
}
