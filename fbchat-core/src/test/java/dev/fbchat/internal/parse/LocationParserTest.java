package dev.fbchat.internal.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A location link holds either coordinates or an address ({@code LocationAttachment._from_graphql}): each half of
 * {@code "<lat>, <lon>"} is read as Python's {@code float()} reads it, and where either half is not a number the whole
 * text stays an address.
 */
class LocationParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12.5|12.5", "-0.25|-0.25", "1.|1.0", ".5|0.5", "1.e5|100000.0", "1E-2|0.01", "1_000.5|1000.5", "+3|3.0",
        "' 7 '|7.0", "'7\u00a0'|7.0", "'\u20037\u3000'|7.0", "\u0661\u0662|12.0", "1e400|Infinity"})
    void numbersReadAsPythonReadsThem(String text, double expected) {
        assertThat(LocationParser.pythonFloat(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"inf", "-Infinity", "+INF", "nan", "NaN", "-nan"})
    void infinitiesAndNotANumber(String text) {
        Double value = LocationParser.pythonFloat(text);
        assertThat(value).isNotNull();
        assertThat(value.isNaN() || value.isInfinite()).isTrue();
        assertThat(value == Double.NEGATIVE_INFINITY).isEqualTo(text.equals("-Infinity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ".", "_1", "1_", "1__0", "1_.5", "1._5", "1e", "1e_5", "0x10", "1d", "1f", "--1",
        "1,5", "infinit", "nan1", "\u00b2"})
    void whatPythonRefusesIsNotANumber(String text) {
        assertThat(LocationParser.pythonFloat(text)).isNull();
    }
}
