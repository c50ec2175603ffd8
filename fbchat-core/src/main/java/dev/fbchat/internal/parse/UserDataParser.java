package dev.fbchat.internal.parse;

import java.util.List;
import java.util.Map;

import dev.fbchat.Session;
import dev.fbchat.attachment.Image;
import dev.fbchat.plan.PlanData;
import dev.fbchat.thread.UserData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** Parses {@link UserData} from GraphQL, a fetched one-to-one thread, and {@code /chat/user_info_all}. */
public final class UserDataParser {

    private static final Logger log = LoggerFactory.getLogger(UserDataParser.class);

    private static final List<String> GENDERS_BY_NUMBER = List.of("unknown", "female_singular", "male_singular",
            "female_singular_guess", "male_singular_guess", "mixed", "neuter_singular", "unknown_singular",
            "female_plural", "male_plural", "neuter_plural", "unknown_plural");

    private static final Map<String, String> GENDERS_BY_NAME = Map.of("UNKNOWN", "unknown", "FEMALE",
            "female_singular", "MALE", "male_singular", "NEUTER", "neuter_singular");

    private UserDataParser() {
    }

    /** {@code UserData._from_graphql}: a user of a GraphQL search or thread fetch. */
    public static UserData fromGraphql(Session session, JsonNode data) {
        ThreadParser.Customization customization = ThreadParser.customization(data);
        return new UserData(session, Py.str(Py.req(data, "id")), ImageParser.fromUri(Py.req(data, "profile_picture")),
                Py.strOrNull(Py.req(data, "name")), Py.bool(Py.req(data, "is_viewer_friend")),
                Py.strOrNull(Py.req(data, "first_name")), Py.text(data, "last_name"), null,
                Py.integer(Py.get(data, "messages_count")), plan(session, data), Py.strOrNull(Py.req(data, "url")),
                gender(Py.req(data, "gender")), Py.number(Py.get(data, "viewer_affinity")), customization.nickname(),
                customization.ownNickname(), customization.color(), customization.emoji());
    }

    /**
     * {@code UserData._from_thread_fetch}: the other person of a fetched one-to-one thread, or {@code null} when that
     * is not a user (a page).
     */
    public static @Nullable UserData fromThreadFetch(Session session, JsonNode data) {
        JsonNode user = otherUser(data);
        String typename = Py.str(Py.req(user, "__typename"));
        if (!"User".equals(typename)) {
            log.warn("Tried to parse a {} as a user", typename);
            return null;
        }
        ThreadParser.Customization customization = ThreadParser.customization(data);
        PlanData plan = null;
        List<JsonNode> reminders = Py.listOrEmpty(Py.req(Py.nonNull(data, "event_reminders"), "nodes"));
        if (!reminders.isEmpty()) {
            plan = PlanParser.fromGraphql(session, reminders.get(0));
        }
        return new UserData(session, Py.str(Py.req(user, "id")), ImageParser.fromUri(Py.req(user, "big_image_src")),
                Py.strOrNull(Py.req(user, "name")), Py.bool(Py.req(user, "is_viewer_friend")),
                Py.strOrNull(Py.req(user, "short_name")), null,
                Py.millisToDatetime(tools.jackson.databind.node.LongNode
                    .valueOf(Py.toInt(Py.req(data, "updated_time_precise")))),
                Py.integer(Py.req(data, "messages_count")), plan, Py.strOrNull(Py.req(user, "url")),
                gender(Py.req(user, "gender")), null, customization.nickname(), customization.ownNickname(),
                customization.color(), customization.emoji());
    }

    /** {@code UserData._from_all_fetch}: an entry of {@code /chat/user_info_all}. */
    public static UserData fromAllFetch(Session session, JsonNode data) {
        return new UserData(session, Py.str(Py.req(data, "id")),
                new Image(Py.strOrNull(Py.req(data, "thumbSrc")), null, null), Py.strOrNull(Py.req(data, "name")),
                Py.bool(Py.req(data, "is_friend")), Py.strOrNull(Py.req(data, "firstName")), null, null, null, null,
                Py.strOrNull(Py.req(data, "uri")), gender(Py.req(data, "gender")), null, null, null, null, null);
    }

    /** {@code UserData._get_other_user}: the one participant that is the thread's other user. */
    public static JsonNode otherUser(JsonNode data) {
        JsonNode otherId = Py.req(Py.nonNull(data, "thread_key"), "other_user_id");
        JsonNode match = null;
        int matches = 0;
        for (JsonNode node : Py.iterate(Py.req(Py.nonNull(data, "all_participants"), "nodes"))) {
            JsonNode actor = Py.nonNull(node, "messaging_actor");
            if (Py.equal(Py.req(actor, "id"), otherId)) {
                match = actor;
                matches++;
            }
        }
        if (matches != 1 || match == null) {
            throw new DataShapeError("Expected the other user once among the participants, found " + matches, data);
        }
        return match;
    }

    /** fbchat's {@code GENDERS} lookup: a number (standard requests) or a name (GraphQL); unknown → {@code null}. */
    static @Nullable String gender(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return GENDERS_BY_NUMBER.get(value.booleanValue() ? 1 : 0);
        }
        if (value.isNumber()) {
            double number = value.doubleValue();
            boolean known = number == Math.rint(number) && number >= 0 && number < GENDERS_BY_NUMBER.size();
            return known ? GENDERS_BY_NUMBER.get((int) number) : null;
        }
        if (value.isString()) {
            return GENDERS_BY_NAME.get(value.stringValue());
        }
        throw new DataShapeError("A gender must be a number or a name", value);
    }

    static @Nullable PlanData plan(Session session, JsonNode data) {
        JsonNode reminders = Py.get(data, "event_reminders");
        if (Py.truthy(reminders) && Py.truthy(reminders, "nodes")) {
            return PlanParser.fromGraphql(session, Py.list(Py.get(reminders, "nodes")).get(0));
        }
        return null;
    }
}
