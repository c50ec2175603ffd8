package dev.fbchat.fidelity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.fbchat.ExternalError;
import dev.fbchat.FacebookError;
import dev.fbchat.Fixtures;
import dev.fbchat.GraphQLError;
import dev.fbchat.HTTPError;
import dev.fbchat.ParseError;
import dev.fbchat.event.Event;
import dev.fbchat.event.EventParser;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.internal.parse.Py;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every case of every file under {@code fixtures/models}, {@code fixtures/protocol} and {@code fixtures/events}, and of
 * the cases recorded beside them in {@code src/test/resources/fbchat-recorded}: the Java counterpart of the
 * case's fbchat function, called with the case's arguments, returns fbchat's value or raises an error of the same type
 * with the same fields. A case whose function has no counterpart fails. A case of a {@code /t_ms} delta or topic is
 * also read from its bytes, token by token as the listener reads it, and must give what its tree gives.
 */
class FbchatFidelityTest {

    /** More cases recorded from fbchat's test suite, beside the fixtures (see its README). */
    private static final Path RECORDED = Path.of("src/test/resources/fbchat-recorded");

    /** fbchat's own exception types; Java raises the class of the same name. */
    private static final Set<String> FBCHAT_ERRORS = Set.of("FacebookError", "HTTPError", "ParseError", "NotLoggedIn",
            "ExternalError", "GraphQLError", "InvalidParameters", "PleaseRefresh");

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String folder : List.of("models", "protocol", "events")) {
            for (Path file : files(Fixtures.dir(), folder)) {
                add(cases, folder + "/" + file.getFileName(), file);
            }
            for (Path file : files(RECORDED, folder)) {
                add(cases, "recorded " + folder + "/" + file.getFileName(), file);
            }
        }
        return cases.stream();
    }

    private static void add(List<Arguments> cases, String name, Path file) {
        for (JsonNode fixture : FacebookJson.MAPPER.readTree(file.toFile())) {
            cases.add(Arguments.of(name + " " + fixture.path("id").asString(), fixture));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void javaGivesWhatFbchatGives(String name, JsonNode fixture) {
        String function = fixture.path("function").asString();
        FbchatFunctions.Counterpart counterpart = FbchatFunctions.of(function);
        if (counterpart == null) {
            fail("fbchat's %s has no Java counterpart in FbchatFunctions", function);
        }
        FixtureInput input = new FixtureInput(fixture.path("input"));
        assertStreamedReadingAgrees(function, input);
        JsonNode error = fixture.get("error");
        if (error == null) {
            Object result;
            try {
                result = counterpart.call(input);
            }
            catch (Throwable ex) {
                throw new AssertionError(function + " raised instead of returning fbchat's value", ex);
            }
            FixtureValues.assertMatches(fixture.get("output"), result);
            return;
        }
        Throwable thrown = catchThrowable(() -> counterpart.call(input));
        assertThat(thrown).as("%s must raise %s", function, error.path("type").asString()).isNotNull();
        assertSameError(error, thrown);
    }

    /**
     * A case's {@code /t_ms} payload (a delta, an admin text or a client payload wrapped as {@code {"deltas":[...]}}, or
     * a whole {@code /t_ms} topic) gives the same events or error read from its bytes, token by token as the listener
     * reads it, as read as a tree, the way the cases above are checked against fbchat.
     */
    private static void assertStreamedReadingAgrees(String function, FixtureInput input) {
        JsonNode data = input.has("data") ? input.json("data") : null;
        JsonNode payload = switch (function) {
            case "fbchat._events._delta_class.parse_delta", "fbchat._events._delta_type.parse_admin_message",
                    "fbchat._events._client_payload.parse_client_payloads" -> {
                ObjectNode wrapper = FacebookJson.MAPPER.createObjectNode();
                wrapper.putArray("deltas").add(data);
                yield wrapper;
            }
            case "fbchat._events.parse_events" -> "/t_ms".equals(input.text("topic")) ? data : null;
            default -> null;
        };
        if (payload == null) {
            return;
        }
        byte[] bytes;
        try {
            bytes = FacebookJson.MAPPER.writeValueAsBytes(payload);
        }
        catch (RuntimeException ex) {
            // a text Jackson cannot write as UTF-8 (a lone surrogate): no bytes to read
            return;
        }
        String tree = outcome(() -> EventParser.parse(input.session(), "/t_ms", payload));
        String streamed = outcome(() -> EventParser.parse(input.session(), "/t_ms", bytes));
        assertThat(streamed).as("the payload read from its bytes, beside it read as a tree").isEqualTo(tree);
    }

    /** The events, or the error's kind and message. */
    private static String outcome(Supplier<List<Event>> parse) {
        try {
            return String.valueOf(parse.get());
        }
        catch (ParseError ex) {
            return "ParseError: " + ex.getMessage();
        }
    }

    /** Every fixture file this test is known to read: a file that goes missing fails, one that is added is read too. */
    private static final List<String> FIXTURE_FILES = List.of("models/models_attachment.json",
            "models/models_common.json", "models/models_file.json", "models/models_location.json",
            "models/models_message.json", "models/models_plan.json", "models/models_poll.json",
            "models/models_quick_reply.json", "models/models_sticker.json", "models/threads.json",
            "protocol/exceptions.json", "protocol/graphql.json", "protocol/session_helpers.json", "protocol/util.json",
            "events/events_client_payload.json", "events/events_common.json", "events/events_delta.json",
            "events/events_topics.json");

    @Test
    void everyFixtureFileIsRead() throws IOException {
        List<String> read = new ArrayList<>();
        for (String folder : List.of("models", "protocol", "events")) {
            files(Fixtures.dir(), folder).forEach(file -> read.add(folder + "/" + file.getFileName()));
        }
        assertThat(read).as("fixture files read").isNotEmpty();
        Path repository = Path.of("..", "fixtures").toAbsolutePath().normalize();
        for (String file : FIXTURE_FILES) {
            assertThat(repository.resolve(file)).as("the repository's fixtures").exists();
        }
        if (Fixtures.dir().toAbsolutePath().normalize().equals(repository)) {
            // Run on the repository's own fixtures (not a larger set given by fbchat.fixtures.dir): all of them.
            assertThat(read).containsAll(FIXTURE_FILES);
            assertThat(cases()).hasSizeGreaterThanOrEqualTo(206 + 48 + 727);
        }
    }

    /** An fbchat error raises the Java class of that name with the same fields; a Python built-in error a typed one. */
    private static void assertSameError(JsonNode error, Throwable thrown) {
        String type = error.path("type").asString();
        JsonNode fields = error.path("fields");
        if (!FBCHAT_ERRORS.contains(type)) {
            // KeyError, TypeError, ValueError, ...: malformed data is a ParseError, a bad argument an
            // IllegalArgumentException (or a NullPointerException for a missing one).
            assertThat(thrown).as("Python raised %s", type)
                .isInstanceOfAny(ParseError.class, IllegalArgumentException.class, NullPointerException.class);
            return;
        }
        assertThat(thrown.getClass().getSimpleName()).as("error type").isEqualTo(type);
        if (thrown instanceof ExternalError external) {
            // Java's texts are Python's str() of fbchat's values (whatever their type)
            assertThat(external.summary()).isEqualTo(Py.strOrNull(fields.get("message")));
            assertThat(external.description()).isEqualTo(Py.strOrNull(fields.get("description")));
            JsonNode code = fields.path("code");
            assertThat(external.code() == null ? null : external.code().toString())
                .isEqualTo(code.isNull() || code.isMissingNode() ? null : code.asString());
            assertThat(thrown.getMessage()).isEqualTo(error.path("message").asString());
            if (thrown instanceof GraphQLError graphql) {
                // a debug info Python finds false (0, [], {}) is shown as none, and is none in Java
                JsonNode debugInfo = fields.get("debug_info");
                boolean shown = Py.truthy(debugInfo) || (debugInfo != null && debugInfo.isString());
                assertThat(graphql.debugInfo()).isEqualTo(shown ? Py.str(debugInfo) : null);
            }
        }
        else if (thrown instanceof HTTPError http) {
            assertThat(http.reason()).isEqualTo(fields.path("message").asString());
            assertThat(http.statusCode()).isEqualTo(fields.path("status_code").isNumber() ? fields.path("status_code").asInt() : null);
            assertThat(thrown.getMessage()).isEqualTo(error.path("message").asString());
        }
        else if (thrown instanceof ParseError parse) {
            assertThat(parse.getMessage()).isEqualTo(fields.path("message").asString());
            JsonNode data = fields.get("data");
            if (data != null && !data.has("@unserialisable")) {
                FixtureValues.assertMatches(data, parse.data());
            }
        }
        else if (thrown instanceof FacebookError) {
            assertThat(thrown.getMessage()).isEqualTo(error.path("message").asString());
        }
    }

    private static List<Path> files(Path dir, String folder) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(folder))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }
}
