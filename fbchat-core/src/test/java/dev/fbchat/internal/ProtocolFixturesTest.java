package dev.fbchat.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.fbchat.ExternalError;
import dev.fbchat.FacebookError;
import dev.fbchat.Fixtures;
import dev.fbchat.GraphQLError;
import dev.fbchat.HTTPError;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The request layer's helpers give fbchat's results on the real cases of {@code fixtures/protocol}. */
class ProtocolFixturesTest {

    static Stream<Arguments> serverJsDefine() {
        return Fixtures.cases("protocol/session_helpers.json", "parse_server_js_define");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void serverJsDefine(String id, JsonNode fixture) {
        String html = fixture.path("input").path("html").asString();
        check(fixture, () -> {
            Map<String, JsonNode> define = ServerJsDefine.parse(html);
            assertThat(tree(define)).isEqualTo(fixture.get("output"));
        });
    }

    static Stream<Arguments> base36() {
        return Fixtures.cases("protocol/session_helpers.json", "base36encode");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void base36(String id, JsonNode fixture) {
        assertThat(Base36.encode(fixture.path("input").path("number").asLong())).isEqualTo(fixture.path("output").asString());
    }

    static Stream<Arguments> loginErrorText() {
        return Fixtures.cases("protocol/session_helpers.json", "get_error_data");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void loginErrorText(String id, JsonNode fixture) {
        assertThat(LoginPages.errorText(fixture.path("input").path("html").asString()))
            .isEqualTo(fixture.path("output").asString());
    }

    static Stream<Arguments> payloadErrors() {
        return Fixtures.cases("protocol/exceptions.json", "handle_payload_error");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void payloadErrors(String id, JsonNode fixture) {
        check(fixture, () -> FacebookJson.handlePayloadError(fixture.path("input").path("j")));
    }

    static Stream<Arguments> graphqlErrors() {
        return Fixtures.cases("protocol/exceptions.json", "handle_graphql_errors");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void graphqlErrors(String id, JsonNode fixture) {
        check(fixture, () -> FacebookJson.handleGraphqlErrors(fixture.path("input").path("j")));
    }

    static Stream<Arguments> httpErrors() {
        return Fixtures.cases("protocol/exceptions.json", "handle_http_error");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void httpErrors(String id, JsonNode fixture) {
        check(fixture, () -> HttpStatusErrors.check(fixture.path("input").path("code").asInt()));
    }

    static Stream<Arguments> concatenatedJson() {
        return Fixtures.cases("protocol/graphql.json", "decode");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void concatenatedJson(String id, JsonNode fixture) {
        List<JsonNode> decoded = FacebookJson.parseConcatenated(fixture.path("input").path("s").asString());
        assertThat(tree(decoded)).isEqualTo(fixture.get("output"));
    }

    static Stream<Arguments> queriesToJson() {
        return Fixtures.cases("protocol/graphql.json", "queries_to_json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void queriesToJson(String id, JsonNode fixture) {
        List<JsonNode> queries = new ArrayList<>();
        fixture.path("input").path("queries").forEach(queries::add);
        assertThat(GraphQLBatch.queriesToJson(queries)).isEqualTo(fixture.path("output").asString());
    }

    static Stream<Arguments> responseToJson() {
        return Fixtures.cases("protocol/graphql.json", "response_to_json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void responseToJson(String id, JsonNode fixture) {
        List<JsonNode> results = GraphQLBatch.responseToJson(fixture.path("input").path("text").asString());
        assertThat(tree(results)).isEqualTo(fixture.get("output"));
    }

    static Stream<Arguments> stripJsonCruft() {
        return Fixtures.cases("protocol/util.json", "strip_json_cruft")
            .filter(arguments -> !((JsonNode) arguments.get()[1]).path("input").path("text").isNull());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void stripJsonCruft(String id, JsonNode fixture) {
        String text = fixture.path("input").path("text").asString();
        check(fixture, () -> assertThat(FacebookJson.stripJsonCruft(text)).isEqualTo(fixture.path("output").asString()));
    }

    static Stream<Arguments> parseJson() {
        return Fixtures.cases("protocol/util.json", "parse_json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void parseJson(String id, JsonNode fixture) {
        String text = fixture.path("input").path("text").asString();
        check(fixture, () -> assertThat(FacebookJson.parse(text)).isEqualTo(fixture.get("output")));
    }

    static Stream<Arguments> jsmodsDefine() {
        return Fixtures.cases("protocol/util.json", "get_jsmods_define");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void jsmodsDefine(String id, JsonNode fixture) {
        Map<String, JsonNode> define = ServerJsDefine.jsmodsDefine(fixture.path("input").path("define"));
        assertThat(tree(define)).isEqualTo(fixture.get("output"));
    }

    private static JsonNode tree(Object value) {
        return FacebookJson.MAPPER.valueToTree(value);
    }

    /** Runs {@code call}; expects it to pass, or to raise the fixture's error with its fields. */
    static void check(JsonNode fixture, Executable call) {
        JsonNode error = fixture.get("error");
        if (error == null) {
            try {
                call.execute();
            }
            catch (Throwable ex) {
                throw new AssertionError("expected success for " + fixture.path("id").asString(), ex);
            }
            return;
        }
        Throwable thrown = catchThrowable(call::execute);
        assertThat(thrown).as("error of %s", fixture.path("id").asString()).isInstanceOf(FacebookError.class);
        assertThat(thrown.getClass().getSimpleName()).isEqualTo(error.path("type").asString());
        JsonNode fields = error.path("fields");
        if (thrown instanceof ExternalError external) {
            assertThat(external.summary()).isEqualTo(fields.path("message").asString());
            assertThat(external.description()).isEqualTo(fields.path("description").asString());
            assertThat(external.code()).isEqualTo(fields.path("code").asInt());
            assertThat(thrown.getMessage()).isEqualTo(error.path("message").asString());
            if (thrown instanceof GraphQLError graphql) {
                assertThat(graphql.debugInfo()).isEqualTo(FacebookJson.textOrNull(fields.get("debug_info")));
            }
        }
        else if (thrown instanceof HTTPError http) {
            assertThat(http.reason()).isEqualTo(fields.path("message").asString());
            assertThat(http.statusCode()).isEqualTo(fields.path("status_code").asInt());
            assertThat(thrown.getMessage()).isEqualTo(error.path("message").asString());
        }
        else {
            assertThat(thrown.getMessage()).isEqualTo(fields.path("message").asString());
        }
    }

    @org.junit.jupiter.api.Test
    void aTruncatedBatchAnswerIsAParseError() {
        assertThatThrownBy(() -> GraphQLBatch.responseToJson("{\"q0\":{\"data\":"))
            .isInstanceOf(dev.fbchat.ParseError.class);
    }
}
