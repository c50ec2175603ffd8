package dev.fbchat.internal.parse;

import dev.fbchat.ParseError;
import dev.fbchat.Session;
import dev.fbchat.TestSessions;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.message.MessageData;
import dev.fbchat.thread.Group;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Messages read from deltas take what fbchat takes, and of several faults fail on the one fbchat fails on; what a Java
 * type cannot hold is a typed error.
 */
class MessageParserTest {

    private static final Session SESSION = TestSessions.offline("31415926536");

    private static final Group THREAD = new Group(SESSION, "4321");

    @Test
    void mentionsThatAreNotAJsonTextAreIgnoredAsFbchatIgnoresThem() {
        JsonNode delta = json("{\"messageMetadata\":{\"messageId\":\"mid.1\"},\"body\":\"hi\","
                + "\"data\":{\"prng\":[{\"i\":\"5\",\"o\":0,\"l\":2}]}}");
        MessageData message = MessageParser.fromPull(THREAD, delta, "1234", java.time.Instant.EPOCH);
        assertThat(message.text()).isEqualTo("hi");
        assertThat(message.mentions()).isEmpty();
    }

    @Test
    void aReplyWithBrokenQuickRepliesAndNoReplyIdFailsOnTheQuickRepliesFirst() {
        JsonNode reply = json("{\"messageMetadata\":{\"messageId\":\"m\",\"actorFbId\":\"1\",\"timestamp\":1},"
                + "\"messageReply\":{},\"platform_xmd_encoded\":\"not json\"}");
        assertThatThrownBy(() -> MessageParser.fromReply(THREAD, reply)).isInstanceOf(ParseError.class)
            .hasMessage("Error while parsing JSON");
    }

    @Test
    void aReplyToAMessageWithoutAnIdHasNone() {
        JsonNode reply = json("{\"messageMetadata\":{\"messageId\":\"m\",\"actorFbId\":\"1\",\"timestamp\":1},"
                + "\"messageReply\":{\"replyToMessageId\":{\"id\":null}}}");
        assertThat(MessageParser.fromReply(THREAD, reply).replyToId()).isNull();
    }

    @Test
    void sizesBeyondAJavaIntAreParseErrors() {
        assertThatThrownBy(() -> ImageParser.fromUri(json("{\"uri\":\"u\",\"width\":3000000000}")))
            .isInstanceOf(ParseError.class).hasMessageContaining("out of range");
        assertThat(ImageParser.fromUri(json("{\"uri\":\"u\",\"width\":\"640\"}")).width()).isEqualTo(640);
    }

    private static JsonNode json(String text) {
        return FacebookJson.MAPPER.readTree(text);
    }
}
