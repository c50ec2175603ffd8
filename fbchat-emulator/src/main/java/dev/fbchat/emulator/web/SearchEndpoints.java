package dev.fbchat.emulator.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.FacebookPage;
import dev.fbchat.emulator.world.StoredMessage;
import dev.fbchat.emulator.world.ThreadView;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Search: people, pages, groups and threads by name (GraphQL queries sent as text:
 * {@code SearchUser}, {@code SearchPage}, {@code SearchGroup}, {@code SearchThread}), and
 * messages by text ({@code /ajax/mercury/search_snippets.php}, in all threads or in one).
 * Names match case-insensitively: the whole name first, then names starting with the
 * search, then names with a word starting with it, then names containing it.
 */
final class SearchEndpoints extends LoggedInEndpoints implements GraphqlDocuments {

    static final String SNIPPETS = "/ajax/mercury/search_snippets.php";

    private final ActorShapes actors;

    private final ThreadShapes threads;

    SearchEndpoints(World world) {
        super(world, SNIPPETS);
        this.actors = new ActorShapes(world);
        this.threads = new ThreadShapes(world);
    }

    @Override
    public Map<String, Resolver> graphqlDocuments() {
        return Map.of("Query:SearchUser", (viewer, params) -> byName(params, "users", users(viewer, params)),
                "Query:SearchPage", (viewer, params) -> byName(params, "pages", pages(params)),
                "Query:SearchGroup", this::groups,
                "Query:SearchThread", (viewer, params) -> byName(params, "threads", threads(viewer, params)));
    }

    /** {@code {<search>: {<field>: {"nodes": [...]}}}}: fbchat reads the answer under the search text itself. */
    private static JsonNode byName(JsonNode params, String field, ArrayNode nodes) {
        ObjectNode data = EmulatorJson.MAPPER.createObjectNode();
        data.putObject(search(params)).putObject(field).set("nodes", nodes);
        return data;
    }

    private ArrayNode users(Account viewer, JsonNode params) {
        ArrayNode nodes = EmulatorJson.MAPPER.createArrayNode();
        ranked(this.world.accounts(), Account::name, params).forEach(account -> nodes.add(this.actors.user(account, viewer.id())));
        return nodes;
    }

    private ArrayNode pages(JsonNode params) {
        ArrayNode nodes = EmulatorJson.MAPPER.createArrayNode();
        ranked(this.world.people().pages(), FacebookPage::name, params).forEach(page -> nodes.add(this.actors.page(page)));
        return nodes;
    }

    /** {@code viewer.groups.nodes}: the viewer's groups by name. */
    private JsonNode groups(Account viewer, JsonNode params) {
        ObjectNode data = EmulatorJson.MAPPER.createObjectNode();
        ArrayNode nodes = data.putObject("viewer").putObject("groups").putArray("nodes");
        ranked(groupsOf(viewer), view -> view.thread().name(), params).forEach(view -> nodes.add(this.threads.thread(view)));
        return data;
    }

    /** People ({@code User}), the viewer's groups ({@code MessageThread}) and pages ({@code Page}), ranked together. */
    private ArrayNode threads(Account viewer, JsonNode params) {
        List<ObjectNode> candidates = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Account account : this.world.accounts()) {
            ObjectNode node = EmulatorJson.MAPPER.createObjectNode().put("__typename", "User");
            node.setAll(this.actors.user(account, viewer.id()));
            candidates.add(node);
            names.add(account.name());
        }
        for (ThreadView view : groupsOf(viewer)) {
            ObjectNode node = EmulatorJson.MAPPER.createObjectNode().put("__typename", "MessageThread");
            node.setAll(this.threads.thread(view));
            candidates.add(node);
            names.add(view.thread().name());
        }
        for (FacebookPage page : this.world.people().pages()) {
            ObjectNode node = EmulatorJson.MAPPER.createObjectNode().put("__typename", "Page");
            node.setAll(this.actors.page(page));
            candidates.add(node);
            names.add(page.name());
        }
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            indexes.add(i);
        }
        ArrayNode nodes = EmulatorJson.MAPPER.createArrayNode();
        ranked(indexes, names::get, params).forEach(index -> nodes.add(candidates.get(index)));
        return nodes;
    }

    private List<ThreadView> groupsOf(Account viewer) {
        return this.world.threadViews(viewer.id()).stream().filter(ThreadView::isGroup).toList();
    }

    /** The candidates whose name matches {@code search}, best first, at most {@code limit} (default 10). */
    private static <T> List<T> ranked(List<T> candidates, Function<T, String> name, JsonNode params) {
        String search = search(params).strip().toLowerCase(Locale.ROOT);
        int limit = GraphqlParams.count(params, "limit", 10);
        if (search.isEmpty()) {
            return List.of();
        }
        return candidates.stream()
            .filter(candidate -> rank(name.apply(candidate), search) >= 0)
            .sorted(Comparator.comparingInt(candidate -> rank(name.apply(candidate), search)))
            .limit(limit)
            .toList();
    }

    /** 0 the whole name, 1 its start, 2 the start of a word, 3 anywhere; -1 no match. */
    static int rank(String name, String search) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals(search)) {
            return 0;
        }
        if (lower.startsWith(search)) {
            return 1;
        }
        if (lower.contains(" " + search)) {
            return 2;
        }
        return lower.contains(search) ? 3 : -1;
    }

    private static String search(JsonNode params) {
        String search = GraphqlParams.string(params, "search");
        return search == null ? "" : search;
    }

    // ---- Messages by text ----

    /**
     * With {@code thread_fbid}: one thread's matching messages, newest first,
     * {@code snippetLimit} of them from {@code snippetOffset}. Without: the viewer's threads
     * that hold a match, most recent match first, {@code limit} of them from {@code offset}.
     */
    @Override
    protected FullHttpResponse answer(HttpExchange exchange, Account viewer) {
        String query = exchange.formField("query");
        if (query == null || query.isBlank()) {
            return contentUnavailable();
        }
        String threadId = exchange.formField("thread_fbid");
        ObjectNode payload = EmulatorJson.MAPPER.createObjectNode();
        ObjectNode byThread = payload.putObject("search_snippets").putObject(query);
        if (threadId != null) {
            Optional<ThreadView> view = this.world.threadView(viewer.id(), threadId.strip());
            if (view.isEmpty()) {
                return contentUnavailable();
            }
            List<StoredMessage> matches = matches(view.get(), query);
            if (!matches.isEmpty()) {
                int offset = intField(exchange, "snippetOffset", 0);
                int limit = intField(exchange, "snippetLimit", 5);
                ObjectNode result = byThread.putObject(threadId.strip());
                result.put("num_total_snippets", matches.size());
                ArrayNode snippets = result.putArray("snippets");
                matches.stream().skip(offset).limit(limit).forEach(message -> snippets.add(snippet(message, query)));
            }
            return payload(payload);
        }
        int offset = intField(exchange, "offset", 0);
        int limit = intField(exchange, "limit", 5);
        record Found(ThreadView view, List<StoredMessage> matches) {
        }
        List<Found> found = this.world.threadViews(viewer.id())
            .stream()
            .map(view -> new Found(view, matches(view, query)))
            .filter(result -> !result.matches().isEmpty())
            .sorted(Comparator.comparingLong((Found result) -> result.matches().get(0).timestamp()).reversed())
            .skip(offset)
            .limit(limit)
            .toList();
        ArrayNode threadNodes = payload.putObject("graphql_payload").putArray("message_threads");
        for (Found result : found) {
            ObjectNode entry = byThread.putObject(result.view().protocolId());
            entry.put("num_total_snippets", result.matches().size());
            entry.putArray("snippets").add(snippet(result.matches().get(0), query));
            threadNodes.add(this.threads.thread(result.view()));
        }
        return payload(payload);
    }

    /** The thread's messages whose text holds the query (any case), newest first. */
    private static List<StoredMessage> matches(ThreadView view, String query) {
        String needle = query.toLowerCase(Locale.ROOT);
        List<StoredMessage> matches = new ArrayList<>();
        for (StoredMessage message : view.messages()) {
            if (message.text() != null && message.text().toLowerCase(Locale.ROOT).contains(needle)) {
                matches.add(0, message);
            }
        }
        return matches;
    }

    /** A match: the message, its author as {@code fbid:<id>}, and each place the query occurs. */
    private static ObjectNode snippet(StoredMessage message, String query) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        String text = message.text() == null ? "" : message.text();
        json.put("message_id", message.id());
        json.put("author", "fbid:" + message.authorId());
        json.put("timestamp", message.timestamp());
        json.put("body", text);
        ObjectNode keywords = json.putObject("matched_keywords");
        String lower = text.toLowerCase(Locale.ROOT);
        String needle = query.toLowerCase(Locale.ROOT);
        for (int at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length())) {
            keywords.put(Integer.toString(at), text.substring(at, at + needle.length()));
        }
        return json;
    }
}
