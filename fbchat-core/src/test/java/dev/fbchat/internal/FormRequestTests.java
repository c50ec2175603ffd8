package dev.fbchat.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import dev.fbchat.Endpoints;
import dev.fbchat.Fixtures;
import dev.fbchat.ParseError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link LoginPages#formRequest}, fbchat's {@code find_form_request}, on fbchat's cases and the edges around them. */
class FormRequestTests {

    static Stream<Arguments> fixtures() {
        return Fixtures.cases("protocol/session_helpers.json", "find_form_request");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void givesFbchatsResult(String id, JsonNode fixture) {
        String html = fixture.path("input").path("html").asString();
        if (fixture.has("error")) {
            assertThatThrownBy(() -> LoginPages.formRequest(html, Endpoints.FACEBOOK.facebook()))
                .isInstanceOf(ParseError.class)
                .hasMessage(fixture.path("error").path("fields").path("message").asString());
            return;
        }
        LoginPages.FormRequest form = LoginPages.formRequest(html, Endpoints.FACEBOOK.facebook());
        JsonNode output = fixture.get("output");
        assertThat(form.url()).hasToString(output.get(0).asString());
        Map<String, String> expected = new LinkedHashMap<>();
        output.get(1).properties().forEach(field -> expected.put(field.getKey(), field.getValue().asString()));
        assertThat(form.data()).containsExactlyEntriesOf(expected);
    }

    @Test
    void aPageWithoutFormHasNothingToSubmit() {
        assertThatThrownBy(() -> LoginPages.formRequest("", Endpoints.FACEBOOK.facebook())).isInstanceOf(ParseError.class)
            .hasMessage("Could not find form to submit");
        assertThatThrownBy(() -> LoginPages.formRequest("<form action=\" \"></form>", Endpoints.FACEBOOK.facebook()))
            .hasMessage("Could not find url to submit to");
    }

    @Test
    void aRelativeActionGoesToTheConfiguredFacebookAndAnAbsoluteOneStays() {
        URI local = URI.create("http://127.0.0.1:8765/");
        assertThat(LoginPages.formRequest("<form action=\"/checkpoint/?a=1&amp;b=2\"></form>", local).url())
            .hasToString("http://127.0.0.1:8765/checkpoint/?a=1&b=2");
        assertThat(LoginPages.formRequest("<form action=\"https://www.facebook.com/x\"></form>", local).url())
            .hasToString("https://www.facebook.com/x");
        assertThatThrownBy(() -> LoginPages.formRequest("<form action=\"checkpoint/\"></form>", local))
            .isInstanceOf(ParseError.class)
            .hasMessage("Could not find url to submit to");
    }

    @Test
    void aFieldWithoutNameIsAParseErrorThatKeepsValuesOut() {
        String html = "<form action=\"/c/\"><input name=\"fb_dtsg\" value=\"secret-token\">"
                + "<button type=\"button\" value=\"secret-token\">x</button></form>";
        assertThatThrownBy(() -> LoginPages.formRequest(html, Endpoints.FACEBOOK.facebook())).isInstanceOf(ParseError.class)
            .hasMessage("Could not read form: a field has no name")
            .satisfies(error -> assertThat(String.valueOf(((ParseError) error).data())).doesNotContain("secret-token"));
    }

    @Test
    void onlyTheFirstFormCountsItsFieldsAreMutableAndToStringHidesValues() {
        String html = "<form action=\"/a/\"><input name=\"fb_dtsg\" value=\"secret-token\"><input name=\"code\">"
                + "<input name=\"empty\" value=\"\"></form><form action=\"/b/\"><input name=\"other\"></form>";
        LoginPages.FormRequest form = LoginPages.formRequest(html, Endpoints.FACEBOOK.facebook());

        assertThat(form.url()).hasToString("https://www.facebook.com/a/");
        assertThat(form.data()).containsExactly(Map.entry("fb_dtsg", "secret-token"), Map.entry("code", "[missing]"),
                Map.entry("empty", ""));
        form.data().put("code", "123456");
        form.data().remove("empty");
        assertThat(form.data()).containsOnlyKeys("fb_dtsg", "code");
        assertThat(form.toString()).contains("/a/", "fb_dtsg").doesNotContain("secret-token", "123456");
    }
}
