package dev.fbchat.internal.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fbchat.message.Mention;
import tools.jackson.databind.JsonNode;

/** Parses {@link Mention}s from GraphQL ranges and MQTT {@code prng} entries, and writes them for a send. */
public final class MentionParser {

    private MentionParser() {
    }

    /** {@code Mention._from_range}: a GraphQL {@code ranges} entry. */
    public static Mention fromRange(JsonNode data) {
        return new Mention(Py.text(Py.nonNull(data, "entity"), "id"), intField(data, "offset"), intField(data, "length"));
    }

    /** {@code Mention._from_prng}: an MQTT {@code prng} entry {@code {"i", "o", "l"}}. */
    public static Mention fromPrng(JsonNode data) {
        return new Mention(Py.strOrNull(Py.req(data, "i")), intField(data, "o"), intField(data, "l"));
    }

    /** The mentions of a {@code prng} JSON text. */
    public static List<Mention> fromPrngText(String prng) {
        List<Mention> mentions = new ArrayList<>();
        for (JsonNode mention : Py.iterate(dev.fbchat.internal.FacebookJson.parse(prng))) {
            mentions.add(fromPrng(mention));
        }
        return mentions;
    }

    /** {@code Mention._to_send_data}: the form fields of mention number {@code i} of a send (a missing id is null). */
    public static Map<String, @org.jspecify.annotations.Nullable String> toSendData(Mention mention, int i) {
        Map<String, @org.jspecify.annotations.Nullable String> data = new LinkedHashMap<>();
        data.put("profile_xmd[" + i + "][id]", mention.threadId());
        data.put("profile_xmd[" + i + "][offset]", Integer.toString(mention.offset()));
        data.put("profile_xmd[" + i + "][length]", Integer.toString(mention.length()));
        data.put("profile_xmd[" + i + "][type]", "p");
        return data;
    }

    private static int intField(JsonNode data, String field) {
        return Py.toIntValue(Py.req(data, field));
    }
}
