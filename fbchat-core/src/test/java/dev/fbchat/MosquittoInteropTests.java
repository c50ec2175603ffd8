package dev.fbchat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.event.Connect;
import dev.fbchat.event.EventParser;
import dev.fbchat.event.MessageEvent;
import dev.fbchat.event.Presence;
import dev.fbchat.event.Typing;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.listen.Listener;
import dev.fbchat.thread.Group;
import dev.fbchat.thread.User;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The listener against a real, independent MQTT broker (Eclipse Mosquitto over WebSocket), not the emulator: a
 * separate Paho client publishes frames as Messenger would, and the listener delivers them as typed events; what the
 * listener publishes (the queue request, foreground and chat-on settings) reaches the other client. The emulator
 * serves only the HTTP side (login, the sequence id).
 */
class MosquittoInteropTests {

    static final String GROUP = "300000000000001";

    @TempDir
    static Path dir;

    static MosquittoBroker broker;

    static MessengerEmulator emulator;

    @BeforeAll
    static void start() {
        broker = MosquittoBroker.start(dir);
        emulator = MessengerEmulator.start();
    }

    @AfterAll
    static void stop() throws Exception {
        emulator.close();
        broker.close();
    }

    @Test
    void framesFromAnotherClientArriveAsTypedEventsAndTheListenersPublicationsReachIt() throws Exception {
        Account bot = emulator.bot();
        Account alice = emulator.accounts().get(1);
        URI base = emulator.baseUrl();
        SessionOptions options = SessionOptions.defaults().withEndpoints(new Endpoints(base, base, base,
                URI.create(broker.webSocket() + "/chat")));
        Session session = Session.login(bot.email(), bot.password(), null, options);
        Map<String, CopyOnWriteArrayList<JsonNode>> seen = new ConcurrentHashMap<>();
        MqttClient other = new MqttClient(broker.webSocket().toString(), "interop-test-peer", new MemoryPersistence());
        MqttConnectOptions connect = new MqttConnectOptions();
        connect.setCleanSession(true);
        other.connect(connect);
        other.subscribe(new String[] { "/messenger_sync_create_queue", "/foreground_state", "/set_client_settings" },
                new int[] { 1, 1, 1 }, new IMqttMessageListener[] { record(seen), record(seen), record(seen) });
        Listener listener = Listener.builder(session).build();
        try (EventRecorder recorder = EventRecorder.start(listener)) {
            recorder.awaitCount(Connect.class, 1, Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.containsKey("/messenger_sync_create_queue"));
            listener.setForeground(true);
            listener.setChatOn(true);
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.containsKey("/foreground_state") && seen.containsKey("/set_client_settings"));

            long at = Instant.parse("2026-01-02T03:04:05Z").toEpochMilli();
            String newMessage = "{\"deltas\":[{\"attachments\":[],\"body\":\"hello over mosquitto\",\"irisSeqId\":\"5001\","
                    + "\"irisTags\":[\"DeltaNewMessage\"],\"messageMetadata\":{\"actorFbId\":\"" + alice.id() + "\","
                    + "\"folderId\":{\"systemFolderId\":\"INBOX\"},\"messageId\":\"mid.$interop1\",\"offlineThreadingId\":\"1\","
                    + "\"skipBumpThread\":false,\"skipSnippetUpdate\":false,\"tags\":[\"source:messenger:web\"],"
                    + "\"threadKey\":{\"otherUserFbId\":\"" + alice.id() + "\"},\"threadReadStateEffect\":\"KEEP_AS_IS\","
                    + "\"timestamp\":\"" + at + "\"},\"requestContext\":{\"apiArgs\":{}},\"class\":\"NewMessage\"}],"
                    + "\"firstDeltaSeqId\":5001,\"lastIssuedSeqId\":5001,\"queueEntityId\":" + bot.id() + "}";
            String typing = "{\"sender_fbid\":" + alice.id() + ",\"state\":1,\"thread\":\"" + GROUP + "\",\"type\":\"typ\"}";
            String presence = "{\"list_type\":\"full\",\"list\":[{\"u\":" + alice.id() + ",\"p\":2,\"l\":1767323045}]}";
            other.publish("/t_ms", newMessage.getBytes(StandardCharsets.UTF_8), 1, false);
            other.publish("/thread_typing", typing.getBytes(StandardCharsets.UTF_8), 1, false);
            other.publish("/orca_presence", presence.getBytes(StandardCharsets.UTF_8), 1, false);
            await().atMost(Duration.ofSeconds(5))
                .until(() -> recorder.count(MessageEvent.class) == 1 && recorder.count(Typing.class) == 1
                        && recorder.count(Presence.class) == 1);

            MessageEvent message = recorder.events(MessageEvent.class).get(0);
            assertThat(message.author()).isEqualTo(new User(session, alice.id()));
            assertThat(message.thread()).isEqualTo(new User(session, alice.id()));
            assertThat(message.message().text()).isEqualTo("hello over mosquitto");
            assertThat(message.message().id()).isEqualTo("mid.$interop1");
            assertThat(message.at()).isEqualTo(Instant.ofEpochMilli(at));
            Typing typed = recorder.events(Typing.class).get(0);
            assertThat(typed).isEqualTo(new Typing(new User(session, alice.id()), new Group(session, GROUP), true));
            Presence present = recorder.events(Presence.class).get(0);
            assertThat(present.full()).isTrue();
            assertThat(present.statuses().get(alice.id()).active()).isTrue();
            // Exactly what the public parser makes of the same bytes: the listener adds and loses nothing.
            assertThat(EventParser.parse(session, "/thread_typing", typing.getBytes(StandardCharsets.UTF_8))).containsExactly(typed);

            assertThat(seen.get("/messenger_sync_create_queue")).as("the listener's queue request").singleElement()
                .satisfies(request -> {
                    assertThat(request.path("entity_fbid").asString()).isEqualTo(bot.id());
                    assertThat(request.path("initial_titan_sequence_id").asString()).isEqualTo("1000");
                    assertThat(request.path("sync_api_version").asInt()).isEqualTo(10);
                });
            assertThat(seen.get("/foreground_state")).extracting(json -> json.path("foreground").asBoolean()).containsExactly(true);
            assertThat(seen.get("/set_client_settings"))
                .extracting(json -> json.path("make_user_available_when_in_foreground").asBoolean()).containsExactly(true);
        }
        finally {
            other.disconnect();
            other.close();
        }
    }

    private static IMqttMessageListener record(Map<String, CopyOnWriteArrayList<JsonNode>> seen) {
        return (topic, message) -> seen.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>())
            .add(FacebookJson.MAPPER.readTree(message.getPayload()));
    }
}
