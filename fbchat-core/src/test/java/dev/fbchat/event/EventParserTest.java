package dev.fbchat.event;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.fbchat.ParseError;
import dev.fbchat.Session;
import dev.fbchat.TestSessions;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.message.EmojiSize;
import dev.fbchat.thread.Group;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the parser promises beyond fbchat's values (those are in {@code FbchatFidelityTest}). */
class EventParserTest {

    private static final Session SESSION = TestSessions.offline("31415926536");

    private static final String MESSAGE = """
            {"attachments":[],"body":"hi","irisSeqId":"5","messageMetadata":{"actorFbId":"1234","messageId":"mid.$A",
            "tags":["source:messenger:web","hot_emoji_size:s"],"threadKey":{"threadFbId":"4321"},
            "timestamp":"1500000000000"},"class":"NewMessage"}""";

    @Test
    void aWholeTopicWithAMessageAndANoOpGivesOneEvent() {
        List<Event> events = EventParser.parse(SESSION, "/t_ms", bytes("{\"deltas\":[{\"class\":\"NoOp\"}," + MESSAGE
                + "],\"firstDeltaSeqId\":5,\"lastIssuedSeqId\":5,\"queueEntityId\":1234}"));

        assertThat(events).singleElement().isInstanceOfSatisfying(MessageEvent.class, event -> {
            assertThat(event.thread()).isEqualTo(new Group(SESSION, "4321"));
            assertThat(event.message().text()).isEqualTo("hi");
            assertThat(event.message().emojiSize()).isEqualTo(EmojiSize.SMALL);
        });
    }

    @Test
    void anOfflineSessionParsesButNeverReachesFacebook() {
        Session offline = Session.offline("1234");
        List<Event> events = EventParser.parse(offline, "/orca_typing_notifications",
                bytes("{\"type\":\"typ\",\"sender_fbid\":4321,\"state\":1}"));

        assertThat(events).singleElement().isInstanceOfSatisfying(Typing.class,
                typing -> assertThat(typing.thread().session().user().id()).isEqualTo("1234"));
        assertThatThrownBy(() -> new Group(offline, "4321").sendText("hi")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(offline::isLoggedIn).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void otherTopicsAndDeltaClassesBecomeUnknownEvents() {
        assertThat(EventParser.parse(SESSION, "/webrtc", bytes("{\"a\":1}")))
            .singleElement().isEqualTo(new UnknownEvent("/webrtc", FacebookJson.parse("{\"a\":1}")));
        assertThat(EventParser.parse(SESSION, "/t_ms", bytes("{\"deltas\":[{\"class\":\"Mystery\"}]}")))
            .singleElement().isInstanceOfSatisfying(UnknownEvent.class, e -> assertThat(e.source()).isEqualTo("Delta class"));
    }

    @Test
    void oneMalformedDeltaFailsTheStrictParseButOnlyItselfInAFrame() {
        String batch = "{\"deltas\":[" + MESSAGE + ",{\"class\":\"NewMessage\",\"messageMetadata\":{\"actorFbId\":\"1\"}},"
                + MESSAGE.replace("mid.$A", "mid.$B") + "]}";

        assertThatThrownBy(() -> EventParser.parse(SESSION, "/t_ms", bytes(batch)))
            .isInstanceOf(ParseError.class).hasMessage("Error parsing delta");
        EventParser.ParsedFrame frame = EventParser.parseFrame(SESSION, "/t_ms", bytes(batch));
        assertThat(frame.events()).hasSize(2);
        assertThat(frame.skipped()).singleElement().satisfies(error -> {
            assertThat(error).hasMessage("Error parsing delta");
            assertThat(error.data()).isInstanceOf(tools.jackson.databind.JsonNode.class);
        });
    }

    @Test
    void idsThatAreNotIdsAreRejected() {
        for (String author : List.of("-1", "true", "", "1.5")) {
            String delta = MESSAGE.replace("\"actorFbId\":\"1234\"", "\"actorFbId\":\"" + author + "\"");
            assertThat(EventParser.parseFrame(SESSION, "/t_ms", bytes("{\"deltas\":[" + delta + "]}")).skipped())
                .as("author %s", author).hasSize(1);
        }
        assertThatThrownBy(() -> EventParser.parse(SESSION, "/thread_typing",
                bytes("{\"sender_fbid\":1234,\"state\":1,\"thread\":\"true\"}"))).isInstanceOf(ParseError.class);
        assertThatThrownBy(() -> EventParser.parse(SESSION, "/orca_typing_notifications",
                bytes("{\"sender_fbid\":-1,\"state\":1}"))).isInstanceOf(ParseError.class);
    }

    @Test
    void keysAndClientDeltasThatAreNotObjectsFailAsFbchatsTypeErrorsDo() {
        // fbchat's `"threadFbId" in key` is a TypeError for null, wrapped as any fault of a delta
        assertThatThrownBy(() -> EventParser.parse(SESSION, "/t_ms", forcedFetch("null")))
            .isInstanceOf(ParseError.class).hasMessage("Error parsing delta");
        // a text that holds a key's name fails on being indexed by it; any other text holds no thread
        assertThatThrownBy(() -> EventParser.parse(SESSION, "/t_ms", forcedFetch("\"threadFbId\"")))
            .isInstanceOf(ParseError.class).hasMessage("Error parsing delta");
        assertThatThrownBy(() -> EventParser.parse(SESSION, "/t_ms", forcedFetch("\"abc\"")))
            .isInstanceOf(ParseError.class).hasMessage("Could not find thread data");

        assertThatThrownBy(() -> EventParser.parse(SESSION, "/t_ms", clientPayload("{\"deltas\":[null]}")))
            .isInstanceOf(ParseError.class).hasMessage("Error parsing ClientPayload");
        assertThatThrownBy(() -> EventParser.parse(SESSION, "/t_ms",
                clientPayload("{\"deltas\":[[\"deltaMessageReaction\"]]}")))
            .isInstanceOf(ParseError.class).hasMessage("Error parsing ClientPayload");
        assertThat(EventParser.parse(SESSION, "/t_ms", clientPayload("{\"deltas\":[\"x\"]}")))
            .containsExactly(new UnknownEvent("client payload", FacebookJson.parse("\"x\"")));
    }

    @Test
    void aReactionWhoseActionIsFalseIsAddedAsPythonsFalseEqualsZero() {
        String reaction = "{\"deltas\":[{\"deltaMessageReaction\":{\"threadKey\":{\"threadFbId\":\"4321\"},"
                + "\"messageId\":\"mid.$A\",\"userId\":\"1234\",\"reaction\":\"x\",\"action\":%s}}]}";
        assertThat(EventParser.parse(SESSION, "/t_ms", clientPayload(reaction.formatted("false"))))
            .singleElement().isInstanceOfSatisfying(ReactionEvent.class, e -> assertThat(e.reaction()).isEqualTo("x"));
        assertThat(EventParser.parse(SESSION, "/t_ms", clientPayload(reaction.formatted("1"))))
            .singleElement().isInstanceOfSatisfying(ReactionEvent.class, e -> assertThat(e.reaction()).isNull());
    }

    private static byte[] forcedFetch(String threadKey) {
        return bytes("{\"deltas\":[{\"class\":\"ForcedFetch\",\"threadKey\":" + threadKey + "}]}");
    }

    /** A ClientPayload delta holding {@code json}, each character as its code, as Facebook sends it. */
    private static byte[] clientPayload(String json) {
        String codes = json.chars().mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(","));
        return bytes("{\"deltas\":[{\"class\":\"ClientPayload\",\"payload\":[" + codes + "]}]}");
    }

    @Test
    void payloadsOverTheLimitsAreRefusedBeforeAnyWork() {
        byte[] huge = new byte[EventParser.MAX_PAYLOAD_BYTES + 1];
        assertThatThrownBy(() -> EventParser.parse(SESSION, "/t_ms", huge)).isInstanceOf(ParseError.class)
            .hasMessageContaining("over the limit");
        String deep = "{\"deltas\":" + "[".repeat(200) + "]".repeat(200) + "}";
        assertThatThrownBy(() -> EventParser.parse(SESSION, "/t_ms", bytes(deep))).isInstanceOf(ParseError.class);
        String many = "{\"deltas\":[" + "{\"class\":\"NoOp\"},".repeat(EventParser.MAX_DELTAS) + "{\"class\":\"NoOp\"}]}";
        assertThatThrownBy(() -> EventParser.parseFrame(SESSION, "/t_ms", bytes(many))).isInstanceOf(ParseError.class);
    }

    @Test
    void malformedPayloadsAreParseErrors() {
        assertThatThrownBy(() -> EventParser.parse(SESSION, "/t_ms", bytes("not json"))).isInstanceOf(ParseError.class);
        assertThatThrownBy(() -> EventParser.parse(SESSION, "/t_ms", bytes(""))).isInstanceOf(ParseError.class);
        assertThatThrownBy(() -> EventParser.parse(SESSION, "/t_ms", bytes("{\"nodeltas\":1}")))
            .isInstanceOf(ParseError.class).hasMessage("Error parsing MQTT topic /t_ms");
    }

    @Test
    void onlyUtf8PayloadsWithoutAByteOrderMarkAreReadAsFbchatDecodesThem() {
        String json = "{\"deltas\":[" + MESSAGE + "]}";
        assertThat(EventParser.parse(SESSION, "/t_ms", bytes(json))).hasSize(1);
        assertThatThrownBy(() -> EventParser.parse(SESSION, "/t_ms", bytes("\uFEFF" + json)))
            .isInstanceOf(ParseError.class).hasMessage("MQTT payload on /t_ms starts with a byte order mark: not JSON");
        assertThatThrownBy(() -> EventParser.parseFrame(SESSION, "/orca_typing_notifications",
                bytes("\uFEFF{\"sender_fbid\":5,\"state\":1}")))
            .isInstanceOf(ParseError.class).hasMessageContaining("byte order mark");
        for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16,
                Charset.forName("UTF-32"))) {
            assertThatThrownBy(() -> EventParser.parse(SESSION, "/t_ms", json.getBytes(charset)))
                .as(charset.name()).isInstanceOf(ParseError.class).hasMessageContaining("is not JSON");
            assertThatThrownBy(() -> EventParser.parseFrame(SESSION, "/t_ms", json.getBytes(charset)))
                .as(charset.name()).isInstanceOf(ParseError.class).hasMessageContaining("is not JSON");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
