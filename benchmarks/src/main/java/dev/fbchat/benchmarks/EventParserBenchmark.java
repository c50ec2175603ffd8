package dev.fbchat.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.fbchat.Session;
import dev.fbchat.event.Event;
import dev.fbchat.event.EventParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@link EventParser#parse(Session, String, byte[])} costs next to reading the same bytes as a JSON tree with
 * plain Jackson, for real {@code /t_ms} payloads (see {@link FixturePayloads}). One operation is one payload; the
 * {@link Ratios} main turns the JSON result into parse/readTree ratios and deltas per second.
 *
 * <p>Settings for a 2-core machine: each of the 42 runs (2 readers x 21 payloads, a payload's two one after the other)
 * forks one JVM, warms up 5 s (C2 has compiled the hot path after 3-5 s there) and measures 5 x 1 s; a full run takes
 * about 8 minutes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EventParserBenchmark {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** A payload name of {@link FixturePayloads#all()}: a delta class, {@code admin:<type>}, or the batch. */
    @Param({
        "NewMessage", "NewMessage_x50", "NoOp", "ForcedFetch", "ParticipantsAddedToGroupThread", "DeliveryReceipt",
        "ThreadFolder", "ReadReceipt", "ThreadName", "ClientPayload",
        "admin:change_thread_nickname", "admin:lightweight_event_update", "admin:group_poll",
        "admin:participant_joined_group_call", "admin:change_thread_icon", "admin:messenger_call_log",
        "admin:lightweight_event_delete", "admin:change_thread_theme", "admin:change_thread_approval_mode",
        "admin:change_thread_admins", "AdminTextMessage_all",
    })
    public String payload;

    /**
     * What reads the payload: {@code readTree}, a bare Jackson tree (the baseline), or {@code parse}, the event parser.
     * A parameter rather than two methods, so that JMH runs the two for one payload one right after the other: the
     * drift of a shared machine over the whole run then hardly touches their ratio.
     */
    @Param({"readTree", "parse"})
    public String reader;

    private boolean parse;

    private byte[] bytes;

    private Session session;

    @Setup
    public void setUp() {
        FixturePayloads.Payload fixture = FixturePayloads.get(payload);
        bytes = fixture.bytes();
        session = Session.offline(FixturePayloads.USER_ID);
        parse = switch (reader) {
            case "parse" -> true;
            case "readTree" -> false;
            default -> throw new IllegalArgumentException("reader is readTree or parse, not " + reader);
        };
        // Fails the benchmark at once if the payload does not parse strictly (a ParseError is thrown).
        List<Event> events = EventParser.parse(session, "/t_ms", bytes);
        if (events.isEmpty() && !payload.equals("NoOp")) {
            throw new IllegalStateException(payload + " gave no event");
        }
    }

    /** One payload read: its events, or its tree. */
    @Benchmark
    public Object read() {
        return parse ? EventParser.parse(session, "/t_ms", bytes) : MAPPER.readTree(bytes);
    }
}
