package dev.fbchat.event;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import dev.fbchat.Fixtures;
import dev.fbchat.ParseError;
import dev.fbchat.Session;
import dev.fbchat.TestSessions;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.message.EmojiSize;
import dev.fbchat.message.MessageData;
import dev.fbchat.thread.Group;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parser gives fbchat's values on the real deltas of {@code fixtures/events}. */
class EventFixturesTest {

    private static final Session SESSION = TestSessions.offline("31415926536");

    static Stream<Arguments> newMessageDeltas() {
        return Fixtures.cases("events/events_delta.json", "parse_delta")
            .filter(arguments -> ((JsonNode) arguments.get()[1]).path("input").path("data").path("class").asString()
                .matches("NewMessage|NoOp"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void newMessageDeltas(String id, JsonNode fixture) {
        Event event = EventParser.parseDelta(SESSION, fixture.path("input").path("data"));
        JsonNode expected = fixture.get("output");
        if (expected.isNull()) {
            assertThat(event).isNull();
            return;
        }
        assertThat(event).isInstanceOf(MessageEvent.class);
        MessageEvent message = (MessageEvent) event;
        assertThat(message.author()).isEqualTo(new User(SESSION, expected.path("author").path("id").asString()));
        assertThread(message.thread(), expected.path("thread"));
        assertTime(message.at(), expected.path("at"));
        assertMessageData(message.message(), expected.path("message"));
    }

    static Stream<Arguments> threadOf() {
        return Fixtures.cases("events/events_common.json", "_get_thread");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void threadOf(String id, JsonNode fixture) {
        JsonNode data = fixture.path("input").path("data");
        if (fixture.has("error")) {
            assertThatThrownBy(() -> EventParser.threadOf(SESSION, data)).isInstanceOf(ParseError.class)
                .hasMessage(fixture.path("error").path("fields").path("message").asString());
            return;
        }
        assertThread(EventParser.threadOf(SESSION, data), fixture.get("output"));
    }

    @Test
    void aWholeTopicWithAMessageAndANoOpGivesOneEvent() {
        String payload = """
                {"deltas":[{"class":"NoOp"},{"attachments":[],"body":"hi","irisSeqId":"5","messageMetadata":{
                "actorFbId":"1234","messageId":"mid.$A","tags":["source:messenger:web","hot_emoji_size:s"],
                "threadKey":{"threadFbId":"4321"},"timestamp":"1500000000000"},"class":"NewMessage"}],
                "firstDeltaSeqId":5,"lastIssuedSeqId":5,"queueEntityId":1234}""";
        List<Event> events = EventParser.parse(SESSION, "/t_ms", payload.getBytes());
        assertThat(events).singleElement().isInstanceOfSatisfying(MessageEvent.class, event -> {
            assertThat(event.thread()).isEqualTo(new Group(SESSION, "4321"));
            assertThat(event.message().text()).isEqualTo("hi");
            assertThat(event.message().emojiSize()).isEqualTo(EmojiSize.SMALL);
        });
    }

    @Test
    void otherTopicsAndDeltaClassesBecomeUnknownEvents() {
        assertThat(EventParser.parse(SESSION, "/webrtc", "{\"a\":1}".getBytes()))
            .singleElement().isEqualTo(new UnknownEvent("MQTT topic /webrtc", FacebookJson.parse("{\"a\":1}")));
        assertThat(EventParser.parse(SESSION, "/t_ms", "{\"deltas\":[{\"class\":\"Mystery\"}]}".getBytes()))
            .singleElement().isInstanceOfSatisfying(UnknownEvent.class, e -> assertThat(e.source()).isEqualTo("Delta class"));
    }

    @Test
    void malformedPayloadsAreParseErrors() {
        assertThatThrownBy(() -> EventParser.parse(SESSION, "/t_ms", "not json".getBytes())).isInstanceOf(ParseError.class);
        assertThatThrownBy(() -> EventParser.parse(SESSION, "/t_ms",
                "{\"deltas\":[{\"class\":\"NewMessage\",\"messageMetadata\":{\"actorFbId\":\"1\"}}]}".getBytes()))
            .isInstanceOf(ParseError.class);
        assertThatThrownBy(() -> EventParser.parse(SESSION, "/t_ms",
                "{\"deltas\":[{\"class\":\"NewMessage\",\"messageMetadata\":{\"actorFbId\":\"1\",\"messageId\":\"m\",\"threadKey\":{\"threadFbId\":\"2\"},\"timestamp\":\"soon\"}}]}"
                    .getBytes()))
            .isInstanceOf(ParseError.class);
    }

    private static void assertMessageData(MessageData data, JsonNode expected) {
        assertThread(data.thread(), expected.path("thread"));
        assertThat(data.id()).isEqualTo(expected.path("id").asString());
        assertThat(data.author()).isEqualTo(expected.path("author").asString());
        assertTime(data.createdAt(), expected.path("created_at"));
        assertThat(data.text()).isEqualTo(FacebookJson.textOrNull(expected.get("text")));
        assertThat(data.mentions()).hasSize(expected.path("mentions").size());
        assertThat(data.emojiSize() == null ? null : data.emojiSize().name())
            .isEqualTo(expected.path("emoji_size").isNull() ? null : expected.path("emoji_size").path("name").asString());
        assertThat(data.isRead()).isEqualTo(expected.path("is_read").isNull() ? null : expected.path("is_read").asBoolean());
        assertThat(data.readBy()).hasSize(expected.path("read_by").size());
        assertThat(data.reactions()).hasSize(expected.path("reactions").size());
        assertThat(data.unsent()).isEqualTo(expected.path("unsent").asBoolean());
        assertThat(data.replyToId()).isEqualTo(FacebookJson.textOrNull(expected.get("reply_to_id")));
        assertThat(data.forwarded()).isEqualTo(expected.path("forwarded").asBoolean());
        assertThat(data.sticker() == null).isEqualTo(expected.path("sticker").isNull());
        assertThat(data.attachments()).hasSize(expected.path("attachments").size());
        assertThat(data.quickReplies()).hasSize(expected.path("quick_replies").size());
        assertThat(data.repliedTo() == null).isEqualTo(expected.path("replied_to").isNull());
    }

    private static void assertThread(MessengerThread thread, JsonNode expected) {
        assertThat(thread.getClass().getSimpleName()).isEqualTo(expected.path("@type").asString());
        assertThat(thread.id()).isEqualTo(expected.path("id").asString());
        assertThat(thread.session()).isSameAs(SESSION);
    }

    private static void assertTime(Instant instant, JsonNode expected) {
        assertThat(instant.toEpochMilli()).isEqualTo(expected.path("epoch_ms").asLong());
    }
}
