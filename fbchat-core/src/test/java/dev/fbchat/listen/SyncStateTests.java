package dev.fbchat.listen;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import dev.fbchat.event.EventParser;
import dev.fbchat.internal.FacebookJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The listener's place in the delta stream: queue requests, sequence ids, replays delivered once. */
class SyncStateTests {

    final SyncState state = new SyncState("100", 1000);

    @Test
    void theFirstRequestCreatesAQueueAfterTheFetchedSequenceIdAndLaterOnesAskForTheDiffs() {
        SyncState.Publication create = this.state.queueRequest();
        assertThat(create.topic()).isEqualTo("/messenger_sync_create_queue");
        assertThat(create.payload().path("initial_titan_sequence_id").asString()).isEqualTo("1000");
        assertThat(create.payload().path("entity_fbid").asString()).isEqualTo("100");

        assertThat(feed("{\"syncToken\":\"tok\",\"firstDeltaSeqId\":1001,\"queueEntityId\":100}").kind())
            .isEqualTo(SyncState.Kind.QUEUE_OPENED);
        feed(batch(1001, 1003, delta(1001), delta(1002), delta(1003)));

        SyncState.Publication diffs = this.state.queueRequest();
        assertThat(diffs.topic()).isEqualTo("/messenger_sync_get_diffs");
        assertThat(diffs.payload().path("last_seq_id").asString()).isEqualTo("1003");
        assertThat(diffs.payload().path("sync_token").asString()).isEqualTo("tok");
    }

    @Test
    void aReplayIsDeliveredOnceAndOnlyItsNewDeltasAreKept() {
        byte[] first = batch(1001, 1002, delta(1001), delta(1002));
        assertThat(feed(first).payload()).isSameAs(first);

        assertThat(feed(batch(1001, 1002, delta(1001), delta(1002))).payload()).as("all seen").isNull();
        SyncState.Result overlapping = feed(batch(1002, 1004, delta(1002), delta(1003), delta(1004)));
        JsonNode kept = FacebookJson.MAPPER.readTree(overlapping.payload());
        assertThat(kept.path("deltas")).extracting(d -> d.path("irisSeqId").asString()).containsExactly("1003", "1004");
        assertThat(this.state.sequenceId()).isEqualTo(1004);
    }

    @Test
    void aDeltaOutOfOrderIsStillDeliveredOnce() {
        feed(batch(1002, 1002, delta(1002)));
        assertThat(feed(batch(1001, 1001, delta(1001))).payload()).isNotNull();
        assertThat(feed(batch(1001, 1001, delta(1001))).payload()).isNull();
        assertThat(this.state.sequenceId()).isEqualTo(1002);
    }

    @Test
    void withoutIrisSeqIdADeltaIsNumberedFromTheBatchsFirstDeltaSeqId() {
        feed("{\"deltas\":[{\"class\":\"NoOp\"},{\"class\":\"NoOp\"}],\"firstDeltaSeqId\":1001,\"lastIssuedSeqId\":1002}");
        assertThat(this.state.sequenceId()).isEqualTo(1002);
        assertThat(feed("{\"deltas\":[{\"class\":\"NoOp\"}],\"firstDeltaSeqId\":1002,\"lastIssuedSeqId\":1002}").payload()).isNull();
    }

    @Test
    void aLostQueueDropsTheTokenAndANewOneStartsFromTheFreshSequenceId() {
        feed("{\"syncToken\":\"tok\",\"firstDeltaSeqId\":1001}");
        for (String code : new String[] { "ERROR_QUEUE_OVERFLOW", "ERROR_QUEUE_NOT_FOUND" }) {
            SyncState.Result lost = feed("{\"errorCode\":\"" + code + "\"}");
            assertThat(lost.kind()).isEqualTo(SyncState.Kind.QUEUE_LOST);
            assertThat(lost.detail()).isEqualTo(code);
            assertThat(this.state.hasQueue()).isFalse();
        }
        this.state.restartAt(5000);
        assertThat(this.state.queueRequest().payload().path("initial_titan_sequence_id").asString()).isEqualTo("5000");
        this.state.restartAt(1000); // a server that lost its state counts from the start again
        feed("{\"syncToken\":\"tok2\",\"firstDeltaSeqId\":1001}");
        assertThat(feed(batch(1001, 1001, delta(1001))).payload()).isNotNull();
        assertThat(this.state.queueRequest().payload().path("last_seq_id").asString()).isEqualTo("1001");
    }

    @Test
    void otherAnswersAreNamed() {
        assertThat(feed("{\"errorCode\":\"ERROR_NOT_LOGGED_IN\"}").kind()).isEqualTo(SyncState.Kind.NOT_LOGGED_IN);
        assertThat(feed("{\"errorCode\":\"ERROR_INVALID_REQUEST\"}").kind()).isEqualTo(SyncState.Kind.ERROR);
        assertThat(feed("not json").kind()).isEqualTo(SyncState.Kind.UNREADABLE);
        assertThat(feed("[1]").kind()).isEqualTo(SyncState.Kind.DELTAS);
    }

    @Test
    void aPayloadTheEventParserWouldRefuseMovesNothing() {
        String batch = new String(batch(1001, 1002, delta(1001), delta(1002)), StandardCharsets.UTF_8);
        String deep = "{\"lastIssuedSeqId\":1002,\"deltas\":" + "[".repeat(100) + "]".repeat(100) + "}";
        byte[] huge = ("{\"lastIssuedSeqId\":1002,\"x\":\"" + "a".repeat(EventParser.MAX_PAYLOAD_BYTES) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
        for (byte[] refused : new byte[][] { ("\uFEFF" + batch).getBytes(StandardCharsets.UTF_8),
                batch.getBytes(StandardCharsets.UTF_16LE), deep.getBytes(StandardCharsets.UTF_8), huge }) {
            SyncState.Result result = feed(refused);
            assertThat(result.kind()).isEqualTo(SyncState.Kind.UNREADABLE);
            assertThat(result.detail()).isEqualTo("not UTF-8 JSON within the limits");
            assertThat(this.state.sequenceId()).isEqualTo(1000);
        }
        assertThat(feed(batch).payload()).isNotNull();
        assertThat(this.state.sequenceId()).isEqualTo(1002);
    }

    @Test
    void fieldsOfUnexpectedTypesReadAsAbsentAndNeverThrow() {
        assertThat(feed("{\"syncToken\":{\"a\":1},\"firstDeltaSeqId\":[1]}").kind())
            .isEqualTo(SyncState.Kind.QUEUE_OPENED);
        assertThat(this.state.hasQueue()).isTrue();
        assertThat(this.state.sequenceId()).as("no first sequence id: -1, less one").isEqualTo(-2);
        assertThat(this.state.queueRequest().payload().path("sync_token").asString()).isEqualTo("{\"a\":1}");

        assertThat(feed("{\"syncToken\":null,\"firstDeltaSeqId\":\" 2000 \"}").kind())
            .isEqualTo(SyncState.Kind.QUEUE_OPENED);
        assertThat(this.state.hasQueue()).as("a null token, as in fbchat: the next request creates a queue").isFalse();
        assertThat(this.state.sequenceId()).isEqualTo(1999);

        assertThat(feed("{\"errorCode\":{\"code\":1}}").kind()).isEqualTo(SyncState.Kind.ERROR);
        SyncState.Result result = feed("{\"lastIssuedSeqId\":123456789012345678901234567890,\"deltas\":[7,null,"
                + "{\"irisSeqId\":true},{\"irisSeqId\":1.5},{\"irisSeqId\":[2001]},"
                + "{\"irisSeqId\":99999999999999999999999}]}");
        assertThat(result.kind()).isEqualTo(SyncState.Kind.DELTAS);
        assertThat(result.payload()).as("no delta has a sequence id: all are kept").isNotNull();
        assertThat(this.state.sequenceId()).isEqualTo(1999);
    }

    @Test
    void theTokenByTokenReadingGivesWhatTheTreeGivesAndNoMessageThrows() {
        Random random = new Random(20261125L);
        String[] values = { "null", "true", "1.5", "-3", "0", "1001", "\"1002\"", "\" 1003 \"", "\"x\"", "[]", "[1]", "{}",
            "{\"irisSeqId\":5}", "123456789012345678901234567890", "9223372036854775807", "\"tok\"" };
        String[] names = { "syncToken", "firstDeltaSeqId", "errorCode", "lastIssuedSeqId", "deltas", "queueEntityId" };
        int streamed = 0;
        for (int i = 0; i < 5000; i++) {
            StringBuilder json = new StringBuilder("{");
            int fields = random.nextInt(5);
            for (int f = 0; f < fields; f++) {
                String name = names[random.nextInt(names.length)];
                json.append(f > 0 ? "," : "").append('"').append(name).append("\":");
                if (name.equals("deltas") && random.nextInt(4) > 0) {
                    json.append('[');
                    int deltas = random.nextInt(4);
                    for (int d = 0; d < deltas; d++) {
                        json.append(d > 0 ? "," : "").append(random.nextInt(6) > 0
                            ? "{\"class\":\"NoOp\",\"irisSeqId\":" + values[random.nextInt(values.length)] + "}"
                            : values[random.nextInt(values.length)]);
                    }
                    json.append(']');
                }
                else {
                    json.append(values[random.nextInt(values.length)]);
                }
            }
            byte[] payload = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
            // the message whole, then cut short: never an exception on Paho's thread
            new SyncState("100", 1000).onSyncMessage(payload);
            new SyncState("100", 1000).onSyncMessage(Arrays.copyOf(payload, random.nextInt(payload.length)));
            SyncFields read = SyncFields.read(payload);
            if (read != null) {
                streamed++;
                SyncFields tree = SyncFields.of((ObjectNode) FacebookJson.MAPPER.readTree(payload));
                assertThat(read).as(json.toString()).isEqualTo(tree);
            }
        }
        assertThat(streamed).as("messages of the everyday shape are read token by token").isGreaterThan(2000);
        assertThat(SyncFields.read(batch(1001, 1002, delta(1001), delta(1002)))).isNotNull();
        assertThat(SyncFields.read("{\"errorCode\":\"ERROR_QUEUE_OVERFLOW\"}".getBytes(StandardCharsets.UTF_8)))
            .isNotNull();
    }

    @Test
    void theWindowForgetsOnlyIdsFarBehind() {
        SyncState.Seen seen = new SyncState.Seen(0);
        assertThat(seen.add(5)).isTrue();
        assertThat(seen.add(5)).isFalse();
        assertThat(seen.add(5 + SyncState.Seen.WINDOW)).isTrue();
        assertThat(seen.add(5)).as("out of the window: counted as delivered").isFalse();
        assertThat(seen.add(4 + SyncState.Seen.WINDOW)).as("the slot of an id that left the window is free").isTrue();
    }

    private SyncState.Result feed(String json) {
        return this.state.onSyncMessage(json.getBytes(StandardCharsets.UTF_8));
    }

    private SyncState.Result feed(byte[] json) {
        return this.state.onSyncMessage(json);
    }

    private static byte[] batch(long first, long last, String... deltas) {
        return ("{\"deltas\":[" + String.join(",", deltas) + "],\"firstDeltaSeqId\":" + first + ",\"lastIssuedSeqId\":"
                + last + ",\"queueEntityId\":100}").getBytes(StandardCharsets.UTF_8);
    }

    private static String delta(long sequenceId) {
        return "{\"class\":\"NewMessage\",\"irisSeqId\":\"" + sequenceId + "\"}";
    }
}
