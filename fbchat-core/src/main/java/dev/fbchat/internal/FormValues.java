package dev.fbchat.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.fbchat.internal.parse.Py;
import org.jspecify.annotations.Nullable;

/**
 * Form values written as fbchat's HTTP library writes Python values: {@code True}/{@code False} for booleans and
 * Python's {@code repr} for floats ({@code 51.5287718}, {@code 0.0001}, {@code 1e-05}).
 */
public final class FormValues {

    /**
     * The {@code acontext} field of the plan endpoints as fbchat sends it: fbchat gives a dictionary
     * ({@code {"action_history": [...]}}), and a dictionary as a form value is written as its keys.
     */
    public static final String PLAN_ACONTEXT = "action_history";

    private FormValues() {
    }

    /** {@code True} or {@code False}. */
    public static String bool(boolean value) {
        return value ? "True" : "False";
    }

    /** Python's {@code str(float)} of a finite number. */
    public static String decimal(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Not a finite number: " + value);
        }
        return Py.floatRepr(value);
    }

    /**
     * The fields {@code <name>[0]}, {@code <name>[1]}, ... of the ids.
     *
     * @param what what an id names, for the error
     * @throws IllegalArgumentException when there is no id or one is blank
     */
    public static Map<String, String> numbered(String name, List<String> ids, String what) {
        Objects.requireNonNull(ids, what + " ids");
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("Give at least one " + what);
        }
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            data.put(name + "[" + i + "]", nonBlank(ids.get(i), "A " + what + " id"));
        }
        return data;
    }

    /**
     * A text (an id, a name, a question) that is there and not blank.
     *
     * @param what what the text is, for the error: {@code "The plan's name"}
     * @throws IllegalArgumentException when it is blank
     */
    public static String nonBlank(@Nullable String text, String what) {
        Objects.requireNonNull(text, what);
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        return text;
    }
}
