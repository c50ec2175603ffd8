package dev.fbchat.fidelity;

import java.util.Set;

import dev.fbchat.internal.FacebookJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The comparison of Java values with fbchat's recorded ones is as strict as the fixtures' notation allows. */
class FixtureValuesTest {

    @Test
    void setsCompareUnorderedAndAnEmptyOneMatchesPythonsEmptyDict() {
        assertThatCode(() -> FixtureValues.assertMatches(json("[\"b\", \"a\"]"), Set.of("a", "b")))
            .doesNotThrowAnyException();
        assertThatCode(() -> FixtureValues.assertMatches(json("{}"), Set.of())).doesNotThrowAnyException();
        assertThatThrownBy(() -> FixtureValues.assertMatches(json("{}"), Set.of("a")))
            .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> FixtureValues.assertMatches(json("[\"a\"]"), Set.of("b")))
            .isInstanceOf(AssertionError.class);
    }

    private static JsonNode json(String text) {
        return FacebookJson.MAPPER.readTree(text);
    }
}
