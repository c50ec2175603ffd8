package dev.fbchat.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.fbchat.ParseError;
import dev.fbchat.internal.parse.Py;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code ServerJSDefine} entries of Facebook's pages, where the session's
 * {@code fb_dtsg} token and the site revision are defined.
 */
public final class ServerJsDefine {

    private static final Pattern DEFINE_START = Pattern.compile(
            "(?:\"ServerJS\".{0,100}\\.handle\\(\\{.*\"define\":)|(?:require\\(\"ServerJSDefine\"\\)\\)?\\.handleDefines\\()");

    private ServerJsDefine() {
    }

    /** Parses the two {@code handleDefines} calls of a page into a map from module name to value. */
    public static Map<String, JsonNode> parse(String html) {
        String[] splits = DEFINE_START.split(html, -1);
        int entries = splits.length - 1;
        if (entries < 1) {
            throw new ParseError("Could not find any ServerJSDefine", html);
        }
        if (entries < 2) {
            throw new ParseError("Could not find enough ServerJSDefine", html);
        }
        if (entries > 2) {
            throw new ParseError("Found too many ServerJSDefine", List.of(splits).subList(1, splits.length));
        }
        Map<String, JsonNode> define = new LinkedHashMap<>();
        for (int i = 1; i < splits.length; i++) {
            JsonNode parsed = readLeadingJson(splits[i]);
            if (!parsed.isArray()) {
                throw new ParseError("Invalid ServerJSDefine", parsed);
            }
            define.putAll(jsmodsDefine(parsed));
        }
        return define;
    }

    /**
     * fbchat's {@code get_jsmods_define}: a list of {@code [name, deps, value, id]} entries as a map from name to value.
     * Read as Python reads it: an entry is whatever unpacks into four (a list, or the keys of an object, the characters
     * of a text); a name that is a number, a boolean or null is Python's {@code str()} of it.
     */
    public static Map<String, JsonNode> jsmodsDefine(JsonNode entries) {
        Map<String, JsonNode> define = new LinkedHashMap<>();
        for (JsonNode entry : Py.iterate(entries)) {
            List<JsonNode> parts = Py.iterate(entry);
            if (parts.size() != 4) {
                throw new ParseError("Invalid ServerJSDefine entry", entry);
            }
            define.put(defineName(parts.get(0)), parts.get(2));
        }
        return define;
    }

    private static String defineName(JsonNode name) {
        return name.isString() ? name.stringValue() : Py.str(Py.hashable(name));
    }

    /**
     * fbchat's {@code get_jsmods_require}: {@code [module, method, requirements, arguments]} entries as
     * {@code "Module.method" → arguments}, a lone {@code [module]} as {@code "Module" → []}; a module's {@code @version}
     * suffix is dropped. Read as Python reads it: an entry is whatever unpacks (a list, or the keys of an object, the
     * characters of a text), the module must be a text, the method is written as Python's {@code str()} writes it.
     */
    public static Map<String, JsonNode> jsmodsRequire(JsonNode require) {
        Map<String, JsonNode> calls = new LinkedHashMap<>();
        for (JsonNode item : Py.iterate(require)) {
            List<JsonNode> parts = Py.iterate(item);
            if (parts.size() == 1) {
                calls.put(withoutVersion(module(parts.get(0), item)), FacebookJson.MAPPER.createArrayNode());
                continue;
            }
            if (parts.size() != 4) {
                throw new ParseError("Invalid jsmods require entry", item);
            }
            calls.put(withoutVersion(module(parts.get(0), item)) + "." + Py.str(parts.get(1)), parts.get(3));
        }
        return calls;
    }

    private static String module(JsonNode module, JsonNode item) {
        if (!module.isString()) {
            throw new ParseError("Invalid jsmods require module", item);
        }
        return module.stringValue();
    }

    private static String withoutVersion(String module) {
        int at = module.indexOf('@');
        return at < 0 ? module : module.substring(0, at);
    }

    /** The session token from {@code DTSGInitData} or {@code DTSGInitialData}, or {@code null} when neither is defined. */
    public static @Nullable String fbDtsg(Map<String, JsonNode> define) {
        JsonNode data = define.containsKey("DTSGInitData") ? define.get("DTSGInitData") : define.get("DTSGInitialData");
        if (data == null) {
            return null;
        }
        return Py.strOrNull(Py.req(data, "token"));
    }

    private static JsonNode readLeadingJson(String text) {
        if (text.isEmpty() || Character.isWhitespace(text.charAt(0))) {
            // Python's raw_decode reads from the first character: no blanks are skipped.
            throw new ParseError("Invalid ServerJSDefine", text);
        }
        try (JsonParser parser = FacebookJson.MAPPER.createParser(text)) {
            JsonNode node = parser.readValueAsTree();
            if (node == null) {
                throw new ParseError("Invalid ServerJSDefine", text);
            }
            return node;
        }
        catch (JacksonException ex) {
            throw new ParseError("Invalid ServerJSDefine", text, ex);
        }
    }
}
