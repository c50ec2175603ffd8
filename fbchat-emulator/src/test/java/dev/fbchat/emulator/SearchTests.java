package dev.fbchat.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.fbchat.emulator.ReadClient.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Search by name (GraphQL queries sent as text) and by message text ({@code search_snippets.php}). */
class SearchTests {

    private static final String SNIPPETS = "/ajax/mercury/search_snippets.php";

    private static final String GRACE = "100000000000011";

    private static final String PASTA_PARADISE = "110000000000001";

    private static MessengerEmulator emulator;

    private static ReadClient bot;

    @BeforeAll
    static void start() {
        emulator = MessengerEmulator.start();
        bot = ReadClient.loggedIn(emulator, emulator.bot());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void usersAreFoundByNameUnderTheSearchTextBestMatchFirst() {
        JsonNode answer = bot.text("SearchUser", map("search", "Gra", "limit", 5));

        assertThat(answer.has("data")).as("text queries answer under response").isFalse();
        JsonNode nodes = answer.path("response").path("Gra").path("users").path("nodes");
        assertThat(nodes).hasSize(1);
        JsonNode grace = nodes.get(0);
        assertThat(grace.path("id").asString()).isEqualTo(GRACE);
        assertThat(grace.path("name").asString()).isEqualTo("Grace Hopper");
        assertThat(grace.path("first_name").asString()).isEqualTo("Grace");
        assertThat(grace.path("last_name").asString()).isEqualTo("Hopper");
        assertThat(grace.path("gender").asString()).isEqualTo("FEMALE");
        assertThat(grace.path("is_viewer_friend").asBoolean()).isTrue();
        assertThat(grace.path("url").asString()).isEqualTo("https://www.facebook.com/grace.hopper");
        assertThat(grace.path("profile_picture").path("uri").asString()).isNotEmpty();
        assertThat(grace.path("viewer_affinity").asDouble()).isEqualTo(0.77);

        JsonNode ranked = bot.text("SearchUser", map("search", "al", "limit", 10)).path("response").path("al")
            .path("users").path("nodes");
        assertThat(names(ranked)).containsExactly("Alice Liddell", "Frank Abagnale", "Mallory Knox");
        assertThat(bot.text("SearchUser", map("search", "al", "limit", 1)).path("response").path("al").path("users")
            .path("nodes")).hasSize(1);
        assertThat(bot.text("SearchUser", map("search", "nobody", "limit", 5)).path("response").path("nobody")
            .path("users").path("nodes")).isEmpty();
    }

    @Test
    void pagesGroupsAndThreadsAreFoundToo() {
        JsonNode pages = bot.text("SearchPage", map("search", "pasta", "limit", 10)).path("response").path("pasta")
            .path("pages").path("nodes");
        assertThat(names(pages)).containsExactly("Pasta Paradise", "Pasta Academy");
        assertThat(pages.get(0).path("id").asString()).isEqualTo(PASTA_PARADISE);
        assertThat(pages.get(0).path("category_type").asString()).isEqualTo("RESTAURANT");
        assertThat(pages.get(0).path("city").path("name").asString()).isEqualTo("Springfield");
        assertThat(pages.get(1).path("city").isNull()).isTrue();

        JsonNode groups = bot.text("SearchGroup", map("search", "b", "limit", 10)).path("response").path("viewer")
            .path("groups").path("nodes");
        assertThat(names(groups)).containsExactly("Band Practice", "Book Club");
        assertThat(groups.get(0).path("thread_key").path("thread_fbid").asString()).isEqualTo("300000000000002");
        assertThat(groups.get(0).path("all_participants").path("nodes")).hasSize(4);
        JsonNode notMine = ReadClient.loggedIn(emulator, emulator.accounts().get(3)).text("SearchGroup",
                map("search", "band", "limit", 10));
        assertThat(notMine.path("response").path("viewer").path("groups").path("nodes")).as("carol is not in the band")
            .isEmpty();

        JsonNode threads = bot.text("SearchThread", map("search", "b", "limit", 4)).path("response").path("b")
            .path("threads").path("nodes");
        List<String> kinds = new ArrayList<>();
        threads.forEach(node -> kinds.add(node.path("__typename").asString() + ":" + node.path("name").asString()));
        assertThat(kinds).as("whole-name starts first (people, groups, pages), then word starts")
            .containsExactly("User:Bob Marley", "MessageThread:Band Practice", "MessageThread:Book Club", "User:Echo Bot");
        assertThat(threads.get(1).path("thread_key").path("thread_fbid").asString()).isEqualTo("300000000000002");
    }

    @Test
    void anUnknownQueryIsAGraphqlError() {
        JsonNode answer = bot.text("SearchEverything", map("search", "x"));

        assertThat(answer.path("error").path("code").asInt()).isEqualTo(1675001);
        assertThat(answer.path("error").path("debug_info").asString()).isEqualTo("Unknown query SearchEverything");
    }

    @Test
    void messagesAreFoundInEveryThreadMostRecentMatchFirst() {
        JsonNode first = bot.payload(SNIPPETS, Map.of("query", "pizza", "offset", "0", "limit", "1"));
        assertThat(first.path("search_snippets").path("pizza").path(PASTA_PARADISE).path("num_total_snippets").asInt())
            .isEqualTo(1);
        JsonNode thread = first.path("graphql_payload").path("message_threads").path(0);
        assertThat(thread.path("thread_type").asString()).isEqualTo("ONE_TO_ONE");
        assertThat(thread.path("thread_key").path("other_user_id").asString()).isEqualTo(PASTA_PARADISE);

        JsonNode second = bot.payload(SNIPPETS, Map.of("query", "pizza", "offset", "1", "limit", "1"));
        assertThat(second.path("search_snippets").path("pizza").path(GRACE).path("num_total_snippets").asInt())
            .isEqualTo(100);
        assertThat(second.path("graphql_payload").path("message_threads")).hasSize(1);

        JsonNode past = bot.payload(SNIPPETS, Map.of("query", "pizza", "offset", "2", "limit", "1"));
        assertThat(past.path("graphql_payload").path("message_threads")).isEmpty();
        JsonNode group = bot.payload(SNIPPETS, Map.of("query", "CABLES", "offset", "0", "limit", "5"));
        assertThat(group.path("search_snippets").path("CABLES").path("300000000000002").path("num_total_snippets")
            .asInt()).isEqualTo(1);
    }

    @Test
    void messagesOfOneThreadPageNewestFirst() {
        JsonNode first = inThread("pizza", GRACE, 0, 50).path("search_snippets").path("pizza").path(GRACE);
        assertThat(first.path("num_total_snippets").asInt()).isEqualTo(100);
        JsonNode snippets = first.path("snippets");
        assertThat(snippets).hasSize(50);
        JsonNode newest = snippets.get(0);
        assertThat(newest.path("message_id").asString()).isEqualTo("mid.$seed-200000000000011-0250");
        assertThat(newest.path("author").asString()).isEqualTo("fbid:" + GRACE);
        assertThat(newest.path("timestamp").asLong()).isEqualTo(ThreadReadTests.T0 + 249 * 10 * ThreadReadTests.MINUTE);
        assertThat(newest.path("body").asString()).isEqualTo("I found a great pizza place downtown (#250)");
        assertThat(newest.path("matched_keywords").path("16").asString()).isEqualTo("pizza");
        assertThat(snippets.get(1).path("matched_keywords").path("0").asString()).isEqualTo("Pizza");

        JsonNode third = inThread("pizza", GRACE, 100, 50).path("search_snippets").path("pizza").path(GRACE);
        assertThat(third.path("snippets")).isEmpty();
        JsonNode last = inThread("pizza", GRACE, 99, 50).path("search_snippets").path("pizza").path(GRACE);
        assertThat(last.path("snippets").findValuesAsString("message_id")).containsExactly("mid.$seed-200000000000011-0002");

        assertThat(inThread("tuba", GRACE, 0, 5).path("search_snippets").path("tuba").size()).as("no match").isZero();
    }

    @Test
    void searchingAThreadOfSomeoneElseOrWithoutATextIsRefused() {
        JsonNode foreign = bot.post(SNIPPETS, Map.of("query", "x", "snippetOffset", "0", "snippetLimit", "5",
                "identifier", "thread_fbid", "thread_fbid", "300000000000099"));
        assertThat(foreign.path("error").asInt()).isEqualTo(1357031);
        assertThat(bot.post(SNIPPETS, Map.of("offset", "0", "limit", "5")).path("error").asInt()).isEqualTo(1357031);
        assertThat(new BrowserClient(emulator.baseUrl()).api(SNIPPETS, Map.of("query", "x")).path("error").asInt())
            .isEqualTo(1357001);
    }

    private static List<String> names(JsonNode nodes) {
        List<String> names = new ArrayList<>();
        nodes.forEach(node -> names.add(node.path("name").asString()));
        return names;
    }

    private static JsonNode inThread(String query, String threadId, int offset, int limit) {
        return bot.payload(SNIPPETS, Map.of("query", query, "snippetOffset", Integer.toString(offset), "snippetLimit",
                Integer.toString(limit), "identifier", "thread_fbid", "thread_fbid", threadId));
    }
}
