package dev.fbchat.internal.parse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reads Facebook's JSON the way fbchat's Python does, so that every parser keeps fbchat's
 * defaults and branches: {@code dict.get} (missing and {@code null} alike), {@code data[key]}
 * (missing is an error), truthiness, {@code str()}, {@code int()}. Where Python would raise
 * ({@code KeyError}, {@code TypeError}, {@code ValueError}), these raise a {@link ParseError}
 * that names the field, keeping the offending data for a bug report.
 */
public final class Py {

    /** Below this many milliseconds from the epoch (2^32 seconds), {@code millis / 1000} as a float is exact enough. */
    private static final long EXACT_MILLIS = (1L << 32) * 1000;

    /** The first instant Python's datetime can hold. */
    private static final Instant PYTHON_MIN = Instant.parse("0001-01-01T00:00:00Z");

    /** The first instant past what Python's datetime can hold (year 10000). */
    private static final Instant PYTHON_END = Instant.parse("+10000-01-01T00:00:00Z");

    /** What Python's {@code int(text)} accepts once the text is stripped: Unicode digits, {@code _} between them. */
    private static final java.util.regex.Pattern PYTHON_INT =
            java.util.regex.Pattern.compile("[+-]?\\p{Nd}+(_\\p{Nd}+)*");

    private Py() {
    }

    /** {@code data.get(key)}: the value, or {@code null} when it is missing or JSON {@code null}. */
    public static @Nullable JsonNode get(@Nullable JsonNode data, String key) {
        JsonNode value = object(data, key).get(key);
        return value == null || value.isNull() ? null : value;
    }

    /** {@code data[key]}: the value (possibly JSON {@code null}); a missing key is an error. */
    public static JsonNode req(@Nullable JsonNode data, String key) {
        JsonNode value = object(data, key).get(key);
        if (value == null) {
            throw new DataShapeError("Missing field '" + key + "'", data);
        }
        return value;
    }

    /** {@code data[key]} that must not be {@code null} either. */
    public static JsonNode nonNull(@Nullable JsonNode data, String key) {
        JsonNode value = req(data, key);
        if (value.isNull()) {
            throw new DataShapeError("Field '" + key + "' is null", data);
        }
        return value;
    }

    /**
     * Python's {@code name in value} for any JSON value: a field of an object, a substring of a text, an item of a
     * list. Anything else (null, a number, a boolean) is Python's {@code TypeError}.
     */
    public static boolean contains(@Nullable JsonNode value, String name) {
        if (value != null && value.isObject()) {
            return value.has(name);
        }
        if (value != null && value.isString()) {
            return value.stringValue().contains(name);
        }
        if (value != null && value.isArray()) {
            for (JsonNode item : value) {
                if (item.isString() && item.stringValue().equals(name)) {
                    return true;
                }
            }
            return false;
        }
        throw new DataShapeError("Cannot look for '" + name + "' in " + (value == null ? "None" : value), value);
    }

    /**
     * A value Python may put into a set or use as a dict key: a list or an object there is Python's "unhashable type"
     * {@code TypeError}.
     */
    public static @Nullable JsonNode hashable(@Nullable JsonNode value) {
        if (value != null && value.isContainer()) {
            throw new DataShapeError("unhashable type: '" + (value.isArray() ? "list" : "dict") + "'", value);
        }
        return value;
    }

    /** {@code key in data}. */
    public static boolean has(@Nullable JsonNode data, String key) {
        return object(data, key).has(key);
    }

    /** Python's truthiness of a JSON value: {@code null}, {@code false}, 0, "", [] and {} are false. */
    public static boolean truthy(@Nullable JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            if (value.isIntegralNumber()) {
                return value.canConvertToLong() ? value.longValue() != 0 : value.bigIntegerValue().signum() != 0;
            }
            return value.doubleValue() != 0;
        }
        if (value.isString()) {
            return !value.stringValue().isEmpty();
        }
        return !value.isEmpty();
    }

    /** {@code data.get(key)} is truthy. */
    public static boolean truthy(@Nullable JsonNode data, String key) {
        return truthy(get(data, key));
    }

    /** {@code str(value)}, as Python prints a JSON value ({@code None} for {@code null}). */
    public static String str(@Nullable JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "None";
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? Long.toString(value.longValue()) : value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            return floatRepr(value.doubleValue());
        }
        return repr(value);
    }

    /** Python's {@code repr()} of a JSON value, as {@code str()} prints a list or a dict and the texts inside. */
    static String repr(JsonNode value) {
        if (value.isString()) {
            return reprText(value.stringValue());
        }
        if (value.isArray()) {
            StringJoiner items = new StringJoiner(", ", "[", "]");
            value.values().forEach(item -> items.add(repr(item)));
            return items.toString();
        }
        if (value.isObject()) {
            StringJoiner entries = new StringJoiner(", ", "{", "}");
            value.properties().forEach(entry -> entries.add(reprText(entry.getKey()) + ": " + repr(entry.getValue())));
            return entries.toString();
        }
        return str(value);
    }

    /** Python's {@code repr()} of a text: single quotes unless only double ones avoid an escape. */
    private static String reprText(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        text.codePoints().forEach(c -> {
            if (c == quote || c == '\\') {
                out.append('\\').appendCodePoint(c);
            }
            else if (c == '\t' || c == '\n' || c == '\r') {
                out.append(c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r");
            }
            else if (isPrintable(c)) {
                out.appendCodePoint(c);
            }
            else {
                out.append(c < 0x100 ? String.format("\\x%02x", c)
                        : c < 0x10000 ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
            }
        });
        return out.append(quote).toString();
    }

    /** Python's {@code str.isprintable()} of one character: not a control, format, private, unassigned or separator. */
    private static boolean isPrintable(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /** {@code str(value)} where a missing or {@code null} value stays {@code null}. */
    public static @Nullable String strOrNull(@Nullable JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? null : str(value);
    }

    /** {@code data.get(key)} as text ({@code str()} of a number), or {@code null}. */
    public static @Nullable String text(@Nullable JsonNode data, String key) {
        return strOrNull(get(data, key));
    }

    /** {@code int(value)}: integers, floats (truncated), booleans and integer strings; it must fit in a long. */
    public static long toInt(@Nullable JsonNode value) {
        if (value != null && value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value != null && value.isString()) {
            String text = value.stringValue();
            if (isShortDigits(text)) {
                return Long.parseLong(text);
            }
        }
        BigInteger number = toBigInt(value);
        if (number.bitLength() > 63) {
            throw new DataShapeError("Integer out of range: " + number, value);
        }
        return number.longValue();
    }

    /**
     * {@code int(value)} where this library keeps it as a Java {@code int} (sizes, offsets): one out of that range is a
     * {@link DataShapeError}, as any other value that does not fit.
     */
    public static int toIntValue(@Nullable JsonNode value) {
        long number = toInt(value);
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw new DataShapeError("Integer out of range: " + number, value);
        }
        return (int) number;
    }

    /** {@code str(int(value))}: an id given as a number or as text, of any size. */
    public static String intText(@Nullable JsonNode value) {
        if (value != null && value.isString() && isShortDigits(value.stringValue())
                && value.stringValue().charAt(0) != '0') {
            return value.stringValue();
        }
        return toBigInt(value).toString();
    }

    /** {@code int(value)} of any size. */
    public static BigInteger toBigInt(@Nullable JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw new DataShapeError("Expected an integer, got null", value);
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue();
        }
        if (value.isNumber()) {
            double number = value.doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new DataShapeError("Expected an integer, got " + number, value);
            }
            return new BigDecimal(number).toBigInteger();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (value.isString()) {
            String text = value.stringValue();
            if (isShortDigits(text)) {
                return BigInteger.valueOf(Long.parseLong(text));
            }
            text = stripUnicode(text);
            if (PYTHON_INT.matcher(text).matches()) {
                return new BigInteger(text.replace("_", ""));
            }
            throw new DataShapeError("Expected an integer, got \"" + value.stringValue() + "\"", value);
        }
        throw new DataShapeError("Expected an integer", value);
    }

    /** 1 to 18 ASCII digits: a text that is a long and needs no other reading (the common case of ids and times). */
    private static boolean isShortDigits(String text) {
        return isAsciiDigits(text, 18);
    }

    /** Whether the text is 1 to {@code maxLength} ASCII digits. */
    static boolean isAsciiDigits(String text, int maxLength) {
        int length = text.length();
        if (length == 0 || length > maxLength) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code json.loads(value)}: the value must be a JSON text; anything else is Python's {@code TypeError}. */
    public static JsonNode jsonText(@Nullable JsonNode value) {
        if (value == null || !value.isString()) {
            throw new DataShapeError("Expected JSON text", value);
        }
        return dev.fbchat.internal.FacebookJson.parse(value.stringValue());
    }

    /** Python's {@code str.strip()}: drops leading and trailing Unicode white space. */
    public static String stripUnicode(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isPythonSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isPythonSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || (c >= 0x1c && c <= 0x1f) || c == 0x85;
    }

    /** fbchat's {@code int_or_none}: {@code int(value)}, or {@code null} when that fails. */
    public static @Nullable Integer intOrNull(@Nullable JsonNode value) {
        try {
            BigInteger number = toBigInt(value);
            return number.bitLength() > 31 ? null : number.intValue();
        }
        catch (DataShapeError ex) {
            return null;
        }
    }

    /** A JSON integer passed through as Python would keep it, or {@code null}. Floats are truncated. */
    public static @Nullable Integer integer(@Nullable JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        BigInteger number = toBigInt(value);
        if (number.bitLength() > 31) {
            throw new DataShapeError("Number out of range: " + number, value);
        }
        return number.intValue();
    }

    /** A JSON number as a double, or {@code null}. */
    public static @Nullable Double number(@Nullable JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isString()) {
            try {
                return Double.valueOf(stripUnicode(value.stringValue()));
            }
            catch (NumberFormatException ex) {
                throw new DataShapeError("Expected a number", value, ex);
            }
        }
        if (!value.isNumber()) {
            throw new DataShapeError("Expected a number", value);
        }
        return value.doubleValue();
    }

    /** A JSON boolean passed through, or {@code null}. */
    public static @Nullable Boolean bool(@Nullable JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (!value.isBoolean()) {
            return truthy(value);
        }
        return value.booleanValue();
    }

    /** Iterates a JSON list; {@code null} is an error, as iterating {@code None} is in Python. */
    public static List<JsonNode> list(@Nullable JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw new DataShapeError("Expected a list, got null", value);
        }
        if (!value.isArray()) {
            throw new DataShapeError("Expected a list", value);
        }
        return new ArrayList<>(value.values());
    }

    /** {@code value or ()}: the items of a list, none for a falsy value. */
    public static List<JsonNode> listOrEmpty(@Nullable JsonNode value) {
        return truthy(value) ? list(value) : List.of();
    }

    /**
     * Python's {@code for item in value}: the items of a list, the keys of an object, the characters of a text (each
     * as a text); iterating {@code None}, a number or a boolean is an error.
     */
    public static List<JsonNode> iterate(@Nullable JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw new DataShapeError("Expected a list, got null", value);
        }
        if (value.isArray()) {
            return new ArrayList<>(value.values());
        }
        List<JsonNode> items = new ArrayList<>();
        if (value.isObject()) {
            value.propertyNames().forEach(name -> items.add(StringNode.valueOf(name)));
            return items;
        }
        if (value.isString()) {
            value.stringValue().codePoints().forEach(c -> items.add(StringNode.valueOf(Character.toString(c))));
            return items;
        }
        throw new DataShapeError("Expected a list", value);
    }

    /** {@code for item in value or ()}: as {@link #iterate}, none for a falsy value. */
    public static List<JsonNode> iterateOrEmpty(@Nullable JsonNode value) {
        return truthy(value) ? iterate(value) : List.of();
    }

    /** fbchat's {@code seconds_to_datetime}: a UTC instant, rounded to the microsecond (half to even). */
    public static Instant secondsToDatetime(@Nullable JsonNode seconds) {
        if (seconds != null && seconds.isBoolean()) {
            return Instant.ofEpochSecond(seconds.booleanValue() ? 1 : 0);
        }
        if (seconds == null || seconds.isNull() || seconds.isMissingNode() || !seconds.isNumber()) {
            throw new DataShapeError("Expected a timestamp in seconds", seconds);
        }
        if (seconds.isIntegralNumber()) {
            requireLong(seconds);
            return checked(() -> inPythonRange(Instant.ofEpochSecond(seconds.longValue())), seconds);
        }
        return checked(() -> inPythonRange(ofSeconds(seconds.doubleValue())), seconds);
    }

    /** fbchat's {@code millis_to_datetime}. */
    public static Instant millisToDatetime(@Nullable JsonNode millis) {
        if (millis != null && millis.isBoolean()) {
            // a Python bool is the number 0 or 1
            return Instant.ofEpochMilli(millis.booleanValue() ? 1 : 0);
        }
        if (millis == null || millis.isNull() || millis.isMissingNode() || !millis.isNumber()) {
            throw new DataShapeError("Expected a timestamp in milliseconds", millis);
        }
        if (millis.isIntegralNumber()) {
            requireLong(millis);
            long value = millis.longValue();
            // fbchat divides by 1000 as a float, which is exact to the millisecond while the float's precision is
            // finer than half a microsecond (until 2106); beyond, its rounding is followed
            return Math.abs(value) < EXACT_MILLIS ? checked(() -> inPythonRange(Instant.ofEpochMilli(value)), millis)
                    : checked(() -> inPythonRange(ofSeconds(value / 1000.0)), millis);
        }
        return checked(() -> inPythonRange(ofSeconds(millis.doubleValue() / 1000)), millis);
    }

    /** fbchat's {@code millis_to_timedelta}: microseconds rounded half to even, as Python's timedelta. */
    public static Duration millisToTimedelta(@Nullable JsonNode millis) {
        if (millis != null && millis.isBoolean()) {
            return Duration.ofMillis(millis.booleanValue() ? 1 : 0);
        }
        if (millis == null || millis.isNull() || millis.isMissingNode() || !millis.isNumber()) {
            throw new DataShapeError("Expected a duration in milliseconds", millis);
        }
        if (millis.isIntegralNumber()) {
            requireLong(millis);
            return checked(() -> Duration.ofMillis(millis.longValue()), millis);
        }
        return checked(() -> Duration.of((long) Math.rint(millis.doubleValue() * 1000), ChronoUnit.MICROS), millis);
    }

    /**
     * A UTC instant {@code seconds} after the epoch, as Python's {@code datetime.fromtimestamp}: the fraction times a
     * million, rounded half to even.
     */
    public static Instant ofSeconds(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || Math.abs(seconds) > 1e15) {
            throw new DataShapeError("Timestamp out of range: " + seconds, seconds);
        }
        double whole = seconds < 0 ? Math.ceil(seconds) : Math.floor(seconds);
        double micros = Math.rint((seconds - whole) * 1e6);
        return Instant.ofEpochSecond((long) whole).plus((long) micros, ChronoUnit.MICROS);
    }

    private static void requireLong(JsonNode number) {
        if (!number.canConvertToLong()) {
            throw new DataShapeError("Number out of range: " + number, number);
        }
    }

    /** Python's datetime holds the years 1 to 9999 only. */
    private static Instant inPythonRange(Instant instant) {
        if (instant.isBefore(PYTHON_MIN) || !instant.isBefore(PYTHON_END)) {
            throw new java.time.DateTimeException("year out of range: " + instant);
        }
        return instant;
    }

    private static <T> T checked(java.util.function.Supplier<T> conversion, JsonNode value) {
        try {
            return conversion.get();
        }
        catch (ArithmeticException | java.time.DateTimeException ex) {
            throw new DataShapeError("Time out of range", value, ex);
        }
    }

    /** Python's {@code repr} of a float: the shortest text that reads back, with Python's exponent style. */
    public static String floatRepr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal decimal = shortest(value);
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent < -4 || exponent >= 16) {
            String digits = decimal.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        String plain = decimal.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** The decimal with the fewest digits that reads back as {@code value} (Python's repr; JDK 17's toString is not always shortest). */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal candidate = exact.round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate.stripTrailingZeros();
            }
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros();
    }

    /** Python's {@code ==} of two JSON values: numbers by value, anything else by equality. */
    public static boolean equal(@Nullable JsonNode a, @Nullable JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static JsonNode object(@Nullable JsonNode data, String key) {
        if (data == null || data.isNull() || data.isMissingNode()) {
            throw new DataShapeError("Expected an object with '" + key + "', got null", data);
        }
        if (!data.isObject()) {
            throw new DataShapeError("Expected an object with '" + key + "'", data);
        }
        return data;
    }
}
