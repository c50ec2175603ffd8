package dev.fbchat.internal.parse;

import dev.fbchat.Session;
import dev.fbchat.thread.PageData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Parses {@link PageData} ({@code PageData._from_graphql}). */
public final class PageDataParser {

    private PageDataParser() {
    }

    /** A page of a GraphQL search or thread fetch. */
    public static PageData fromGraphql(Session session, JsonNode data) {
        JsonNode picture = Py.get(data, "profile_picture");
        JsonNode city = Py.get(data, "city");
        return new PageData(session, Py.str(Py.req(data, "id")),
                ImageParser.fromUri(picture == null ? JsonNodeFactory.instance.objectNode() : picture),
                Py.strOrNull(Py.req(data, "name")), null, Py.integer(Py.get(data, "messages_count")),
                UserDataParser.plan(session, data), Py.text(data, "url"), city == null ? null : Py.text(city, "name"),
                null, null, Py.text(data, "category_type"));
    }
}
