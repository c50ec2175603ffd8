package dev.fbchat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverMessage;
import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.internal.RepeatableRequests;
import dev.fbchat.thread.Group;
import dev.fbchat.thread.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sends survive cut connections: over real HTTP to the emulator, whose {@code http-reset} fault closes the connection of
 * a send without an answer, before the send is handled or after it took effect. The client repeats the send with the
 * same client-made ids, which the emulator, like Facebook, takes as the one message.
 */
class SendRetryEndToEndTests {

    private static final String SEND = "/messaging/send/";

    static MessengerEmulator emulator;

    static EmulatorDriver driver;

    static Session session;

    static Account alice;

    @BeforeAll
    static void login() {
        emulator = MessengerEmulator.start();
        driver = new EmulatorDriver(emulator.baseUrl());
        SessionOptions options = SessionOptions.defaults().withEndpoints(Endpoints.local(emulator.baseUrl()));
        Account bot = emulator.bot();
        alice = emulator.accounts().stream().filter(a -> a.name().toLowerCase().startsWith("alice")).findFirst()
            .orElseThrow();
        session = Session.login(bot.email(), bot.password(), null, options);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aSendWhoseAnswerIsLostIsRepeatedAndStoredOnce() {
        User thread = new User(session, alice.id());
        int before = driver.messages(SessionEndToEndTests.ALICE_THREAD).size();
        driver.cutHttp(SEND, 2, true);

        String id = thread.sendText("the answer got lost twice");

        DriverMessage stored = theOneNewMessage(before);
        assertThat(stored.id()).isEqualTo(id);
        assertThat(stored.text()).isEqualTo("the answer got lost twice");
        List<EmulatorDriver.RecordedRequest> sends = driver.requests(SEND);
        assertThat(sends.subList(sends.size() - 3, sends.size()))
            .extracting(request -> request.fields().get("offline_threading_id"))
            .as("the three attempts carry the same client id").containsOnly(
                    sends.get(sends.size() - 1).fields().get("offline_threading_id"));
    }

    @Test
    void readsAreRepeatedAfterCutConnections() {
        Client client = new Client(session);
        int before = driver.requests("/api/graphqlbatch/").size();
        driver.cutHttp("/api/graphqlbatch/", 2, false);

        assertThat(client.fetchThreadInfo(List.of(alice.id()))).singleElement()
            .satisfies(thread -> assertThat(thread.id()).isEqualTo(alice.id()));

        assertThat(driver.requests("/api/graphqlbatch/")).as("two cut attempts and the third that got through")
            .hasSize(before + 3);
    }

    @Test
    void aChangeIsNotRepeatedButFailsWithATypedError() {
        Group group = new Group(session,
                driver.createGroup("Cut", List.of(emulator.bot().id(), alice.id())).id());
        int before = driver.requests("/messaging/set_thread_name/").size();
        driver.cutHttp("/messaging/set_thread_name/", 1, true);

        assertThatThrownBy(() -> group.setTitle("Renamed")).isInstanceOf(HTTPError.class)
            .satisfies(error -> assertThat(((HTTPError) error).statusCode()).isNull());

        assertThat(driver.requests("/messaging/set_thread_name/")).as("a change is sent once").hasSize(before + 1);
    }

    @Test
    void aSendCutBeforeItIsHandledIsRepeated() {
        User thread = new User(session, alice.id());
        int before = driver.messages(SessionEndToEndTests.ALICE_THREAD).size();
        driver.cutHttp(SEND, 1, false);

        String id = thread.sendText("cut before");

        assertThat(theOneNewMessage(before).id()).isEqualTo(id);
    }

    /** The one message the thread holds beyond its first {@code before}; fails unless there is exactly one. */
    private static DriverMessage theOneNewMessage(int before) {
        List<DriverMessage> messages = driver.messages(SessionEndToEndTests.ALICE_THREAD);
        assertThat(messages).hasSize(before + 1);
        return messages.get(before);
    }

    @Test
    void aSendThatNeverGetsAnAnswerFailsWithATypedErrorAfterTheLastAttempt() {
        User thread = new User(session, alice.id());
        int before = driver.messages(SessionEndToEndTests.ALICE_THREAD).size();
        driver.cutHttp(SEND, RepeatableRequests.MAX_ATTEMPTS, false);

        assertThatThrownBy(() -> thread.sendText("never arrives")).isInstanceOf(HTTPError.class)
            .satisfies(error -> assertThat(((HTTPError) error).statusCode()).isNull());
        assertThat(driver.messages(SessionEndToEndTests.ALICE_THREAD)).hasSize(before);
        assertThat(thread.sendText("the next one arrives")).isNotBlank();
    }

    @Test
    void twentyCutsAmongTwoThousandSendsLoseAndDoubleNothing() {
        User thread = new User(session, alice.id());
        int before = driver.messages(SessionEndToEndTests.ALICE_THREAD).size();
        Random random = new Random(20L);
        List<Integer> cutAt = new ArrayList<>();
        while (cutAt.size() < 20) {
            int at = random.nextInt(2000);
            if (!cutAt.contains(at)) {
                cutAt.add(at);
            }
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            if (cutAt.contains(i)) {
                driver.cutHttp(SEND, 1, i % 2 == 0);
            }
            ids.add(thread.sendText("send " + i));
        }

        List<DriverMessage> sent = driver.messages(SessionEndToEndTests.ALICE_THREAD).subList(before, before + 2000);
        assertThat(driver.messages(SessionEndToEndTests.ALICE_THREAD)).hasSize(before + 2000);
        assertThat(sent).extracting(DriverMessage::text)
            .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 2000).mapToObj(i -> "send " + i).toList());
        assertThat(sent).extracting(DriverMessage::id).as("each call returned its message's real id")
            .containsExactlyElementsOf(ids);
    }
}
