package dev.fbchat.internal.parse;

import dev.fbchat.ParseError;
import dev.fbchat.internal.FacebookJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Python's readings of JSON values that fbchat relies on: {@code str()} of lists and dicts, which prints their texts
 * as {@code repr()} does, and {@code for item in value} over what is not a list. The expected texts are Python 3's.
 */
class PyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "[\"1234\"]|['1234']",
        "{\"a\": 1, \"b\": [true, null, 1.5]}|{'a': 1, 'b': [True, None, 1.5]}",
        "[\"it's\"]|[\"it's\"]",
        "[\"it's \\\"quoted\\\"\"]|['it\\'s \"quoted\"']",
        "[\"tab\\tnew\\nline\\\\\"]|['tab\\tnew\\nline\\\\']",
        "[\"\\u0007\\u00a0\\u200b\\ud83d\\ude00\"]|['\\x07\\xa0\\u200b\ud83d\ude00']",
        "[]|[]",
        "{}|{}"})
    void strOfListsAndDictsIsPythonsRepr(String json, String python) {
        assertThat(Py.str(FacebookJson.parse(json))).isEqualTo(python);
    }

    @Test
    void iteratingAnObjectGivesItsKeysAndATextItsCharacters() {
        assertThat(Py.iterate(FacebookJson.parse("{\"a\": 1, \"b\": 2}"))).extracting(JsonNode::stringValue)
            .containsExactly("a", "b");
        assertThat(Py.iterate(FacebookJson.parse("\"h\\ud83d\\ude00!\""))).extracting(JsonNode::stringValue)
            .containsExactly("h", "\ud83d\ude00", "!");
        assertThat(Py.iterateOrEmpty(FacebookJson.parse("0"))).isEmpty();
    }

    @Test
    void iteratingANumberOrNoneIsAnError() {
        assertThatThrownBy(() -> Py.iterate(FacebookJson.parse("5"))).isInstanceOf(ParseError.class);
        assertThatThrownBy(() -> Py.iterate(FacebookJson.parse("true"))).isInstanceOf(ParseError.class);
        assertThatThrownBy(() -> Py.iterate(null)).isInstanceOf(ParseError.class);
    }
}
