package dev.fbchat.internal.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fbchat.Session;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.plan.GuestStatus;
import dev.fbchat.poll.Poll;
import dev.fbchat.poll.PollOption;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * Reads the JSON texts Facebook sends inside delta fields (a poll's {@code question_json} and option ids, a plan's
 * {@code guest_state_list}) straight from their tokens, without a tree, when they have the everyday shape. Anything
 * else (another type where a text or a number is expected, a field given twice, a missing field, trailing content, JSON
 * that does not read, a leading byte order mark) gives {@code null}: the caller then reads the text as a tree with the
 * general parser, which gives the same result and words every error. Each reader takes exactly the values that parser
 * takes.
 */
final class EmbeddedJsonReader {

    private EmbeddedJsonReader() {
    }

    /** A list of ids ({@code [str(x) for x in json.loads(text)]}) given as whole numbers or texts, or {@code null}. */
    static @Nullable List<String> ids(String text) {
        List<String> compact = compactNumbers(text);
        if (compact != null) {
            return compact;
        }
        try (JsonParser parser = parser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            List<String> ids = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                String id = textOrWholeNumber(token, parser);
                if (id == null) {
                    return null;
                }
                ids.add(id);
            }
            return parser.nextToken() == null ? ids : null;
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    /**
     * The numbers of a list written as Facebook writes option ids, {@code [1002,1003]}: no spaces, each number 1 to 18
     * digits without a leading zero; {@code null} for any other text. Such a list needs no parser.
     */
    private static @Nullable List<String> compactNumbers(String text) {
        int length = text.length();
        if (length < 2 || text.charAt(0) != '[' || text.charAt(length - 1) != ']') {
            return null;
        }
        List<String> numbers = new ArrayList<>();
        int start = 1;
        while (start < length - 1) {
            int end = start;
            while (end < length - 1 && text.charAt(end) != ',') {
                end++;
            }
            String number = text.substring(start, end);
            if (!Py.isAsciiDigits(number, 18) || (number.charAt(0) == '0' && number.length() > 1)) {
                return null;
            }
            numbers.add(number);
            start = end + 1;
            if (end < length - 1 && start == length - 1) {
                // a comma before the closing bracket
                return null;
            }
        }
        return numbers;
    }

    /**
     * A plan's guests by id, from a list of {@code {"guest_list_state": <GuestStatus name>, "node": {"id": <id>}}}
     * ({@code PlanData._from_pull}), or {@code null}.
     */
    static @Nullable Map<String, GuestStatus> guests(String text) {
        try (JsonParser parser = parser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            Map<String, GuestStatus> guests = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                String id = null;
                String state = null;
                for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                    JsonToken token = parser.nextToken();
                    if (name.equals("guest_list_state")) {
                        if (state != null || token != JsonToken.VALUE_STRING) {
                            return null;
                        }
                        state = parser.getString();
                    }
                    else if (name.equals("node")) {
                        if (id != null || token != JsonToken.START_OBJECT) {
                            return null;
                        }
                        id = nodeId(parser);
                        if (id == null) {
                            return null;
                        }
                    }
                    else {
                        parser.skipChildren();
                    }
                }
                GuestStatus status = state == null || id == null ? null : guestStatus(state);
                if (status == null) {
                    return null;
                }
                guests.put(id, status);
            }
            return parser.hasToken(JsonToken.END_ARRAY) && parser.nextToken() == null ? guests : null;
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    /**
     * A poll ({@code Poll._from_graphql} of a {@code question_json}): an {@code id}, a {@code text} question (no
     * {@code title}), a {@code total_count}, and {@code options}, each with an {@code id} of digits, a {@code text}, a
     * {@code total_count}, voters as a plain list and a {@code viewer_has_voted}; or {@code null}.
     */
    static @Nullable Poll poll(Session session, String text) {
        try (JsonParser parser = parser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            PollFields poll = new PollFields();
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                if (!poll.read(name, parser.nextToken(), parser)) {
                    return null;
                }
            }
            return parser.nextToken() == null ? poll.poll(session) : null;
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    /** The fields of a poll, each read once. */
    private static final class PollFields {

        private int seen;

        private @Nullable String id;

        private @Nullable String question;

        private @Nullable Integer count;

        private @Nullable List<PollOption> options;

        /** Reads one field, the parser on its value; {@code false} when the poll is not of the everyday shape. */
        boolean read(String name, JsonToken token, JsonParser parser) {
            switch (name) {
                case "id" -> {
                    this.id = textOrWholeNumber(token, parser);
                    return first(0) && this.id != null;
                }
                case "text" -> {
                    this.question = textOrNull(token, parser);
                    return first(1) && (this.question != null || token == JsonToken.VALUE_NULL);
                }
                case "total_count" -> {
                    this.count = count(token, parser);
                    return first(2) && (this.count != null || token == JsonToken.VALUE_NULL);
                }
                case "options" -> {
                    this.options = options(token, parser);
                    return first(3) && this.options != null;
                }
                // a title, when truthy, would be the question: left to the general parser
                case "title" -> {
                    return false;
                }
                default -> {
                    parser.skipChildren();
                    return true;
                }
            }
        }

        private boolean first(int bit) {
            int mask = 1 << bit;
            boolean first = (this.seen & mask) == 0;
            this.seen |= mask;
            return first;
        }

        /** The poll, or {@code null} when a field it needs is missing. */
        @Nullable Poll poll(Session session) {
            boolean complete = this.seen == 0b1111;
            return complete ? new Poll(session, this.id, this.question, this.options, this.count) : null;
        }
    }

    private static @Nullable List<PollOption> options(JsonToken token, JsonParser parser) {
        if (token != JsonToken.START_ARRAY) {
            return null;
        }
        List<PollOption> options = new ArrayList<>();
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            PollOption option = item == JsonToken.START_OBJECT ? option(parser) : null;
            if (option == null) {
                return null;
            }
            options.add(option);
        }
        return options;
    }

    /** One option ({@code PollOption._from_graphql} with voters as a plain list), or {@code null}. */
    private static @Nullable PollOption option(JsonParser parser) {
        String id = null;
        String text = null;
        boolean vote = false;
        List<String> voters = null;
        Integer count = null;
        int seen = 0;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            int bit = switch (name) {
                case "id" -> {
                    id = parser.getString();
                    yield token == JsonToken.VALUE_STRING && Py.isAsciiDigits(id, 18) && id.charAt(0) != '0' ? 1 : -1;
                }
                case "text" -> {
                    text = textOrNull(token, parser);
                    yield text != null || token == JsonToken.VALUE_NULL ? 2 : -1;
                }
                case "viewer_has_voted" -> {
                    vote = token == JsonToken.VALUE_TRUE
                            || (token == JsonToken.VALUE_STRING && parser.getString().equals("true"));
                    boolean known = token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE
                            || token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NULL;
                    yield known ? 4 : -1;
                }
                case "voters" -> {
                    voters = token == JsonToken.START_ARRAY ? voterIds(parser) : null;
                    yield voters != null || token == JsonToken.VALUE_NULL ? 8 : -1;
                }
                case "total_count" -> {
                    count = count(token, parser);
                    yield count != null || token == JsonToken.VALUE_NULL ? 16 : -1;
                }
                default -> {
                    parser.skipChildren();
                    yield 0;
                }
            };
            if (bit < 0 || (seen & bit) != 0) {
                return null;
            }
            seen |= bit;
        }
        // the id, the voters and the count are required; the text and the vote may be missing
        return (seen & (1 | 8 | 16)) == (1 | 8 | 16) ? new PollOption(id, text, vote, voters, count) : null;
    }

    private static @Nullable List<String> voterIds(JsonParser parser) {
        List<String> ids = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            String id = textOrWholeNumber(token, parser);
            if (id == null) {
                return null;
            }
            ids.add(id);
        }
        return ids;
    }

    /** The {@code id} of a guest's {@code node}, the parser on the node's start; {@code null} when not just one. */
    private static @Nullable String nodeId(JsonParser parser) {
        String id = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            if (!name.equals("id")) {
                parser.skipChildren();
                continue;
            }
            if (id != null) {
                return null;
            }
            id = textOrWholeNumber(token, parser);
            if (id == null) {
                return null;
            }
        }
        return id;
    }

    private static @Nullable GuestStatus guestStatus(String name) {
        for (GuestStatus status : GuestStatus.values()) {
            if (status.name().equals(name)) {
                return status;
            }
        }
        return null;
    }

    /** Python's {@code str()} of a text or of a whole number that fits in a long; {@code null} for anything else. */
    private static @Nullable String textOrWholeNumber(JsonToken token, JsonParser parser) {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return Long.toString(parser.getLongValue());
        }
        parser.skipChildren();
        return null;
    }

    private static @Nullable String textOrNull(JsonToken token, JsonParser parser) {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        parser.skipChildren();
        return null;
    }

    /** A count that fits in an int; {@code null} for anything else. */
    private static @Nullable Integer count(JsonToken token, JsonParser parser) {
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            return parser.getIntValue();
        }
        parser.skipChildren();
        return null;
    }

    private static JsonParser parser(String text) {
        // Jackson skips a byte order mark before the JSON; the tree (as Python's json.loads) refuses it
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            throw new IllegalArgumentException("The text starts with a byte order mark");
        }
        // No data binding is needed while reading tokens: a parser without one is cheaper to make. Read as chars, as
        // the tree reads it, a lone surrogate (which an escape such as \ud800 in the payload can put in a text) stays
        // as it is.
        return FacebookJson.MAPPER.tokenStreamFactory().createParser(ObjectReadContext.empty(), text);
    }
}
