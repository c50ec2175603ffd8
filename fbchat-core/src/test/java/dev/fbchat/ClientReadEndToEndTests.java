package dev.fbchat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.fbchat.attachment.Attachment;
import dev.fbchat.attachment.AudioAttachment;
import dev.fbchat.attachment.FileAttachment;
import dev.fbchat.attachment.ImageAttachment;
import dev.fbchat.attachment.VideoAttachment;
import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.emulator.driver.EmulatorDriver.RecordedRequest;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.message.EmojiSize;
import dev.fbchat.message.Message;
import dev.fbchat.message.MessageData;
import dev.fbchat.message.MessageSnippet;
import dev.fbchat.plan.GuestStatus;
import dev.fbchat.plan.Plan;
import dev.fbchat.plan.PlanData;
import dev.fbchat.poll.Poll;
import dev.fbchat.poll.PollOption;
import dev.fbchat.thread.Group;
import dev.fbchat.thread.GroupData;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.PageData;
import dev.fbchat.thread.ThreadData;
import dev.fbchat.thread.ThreadLocation;
import dev.fbchat.thread.User;
import dev.fbchat.thread.UserData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * fbchat's read side against the emulator's seeded history (docs/emulator-protocol.md): each method's request as
 * fbchat sends it (path, form fields, GraphQL document) and what it parses. Nothing here writes to the world.
 */
class ClientReadEndToEndTests {

    static final String BOT = "100000000000001";

    static final String ALICE = "100000000000002";

    static final String GRACE = "100000000000011";

    static final String HEIDI = "100000000000012";

    static final String MALLORY = "100000000000015";

    static final String BAND_PRACTICE = "300000000000002";

    static final String WEEKEND_TRIP = "300000000000004";

    static final String PASTA_PARADISE = "110000000000001";

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    static MessengerEmulator emulator;

    static EmulatorDriver driver;

    static Session session;

    static Client client;

    @BeforeAll
    static void logIn() {
        emulator = MessengerEmulator.start();
        driver = new EmulatorDriver(emulator.baseUrl());
        session = Session.login(emulator.bot().email(), emulator.bot().password(), null,
                SessionOptions.defaults().withEndpoints(Endpoints.local(emulator.baseUrl())));
        client = new Client(session);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void fetchUsersListsThePeopleTheAccountChatsWith() {
        List<UserData> users = client.fetchUsers();

        RecordedRequest request = lastRequest("/chat/user_info_all");
        assertThat(request.fields()).containsEntry("viewer", BOT).containsKeys("__a", "__req", "__rev", "fb_dtsg");
        assertThat(users).extracting(UserData::id).contains(ALICE, GRACE, HEIDI, MALLORY).doesNotContain(BOT);
        UserData grace = users.stream().filter(u -> u.id().equals(GRACE)).findFirst().orElseThrow();
        assertThat(grace.name()).isEqualTo("Grace Hopper");
        assertThat(grace.firstName()).isEqualTo("Grace");
        assertThat(grace.isFriend()).isTrue();
        assertThat(grace.gender()).isEqualTo("female_singular");
        assertThat(grace.url()).isEqualTo("https://www.facebook.com/grace.hopper");
        assertThat(grace.photo().url()).isEqualTo("https://cdn.fbchat.local/profiles/" + GRACE + ".jpg");
        UserData heidi = users.stream().filter(u -> u.id().equals(HEIDI)).findFirst().orElseThrow();
        assertThat(heidi.isFriend()).isFalse();
        assertThat(heidi.url()).isNull();
    }

    @Test
    void searchesByNameSendFbchatsQueries() {
        List<UserData> users = client.searchForUsers("grace", 5);
        JsonNode query = graphqlQueries(lastRequest("/api/graphqlbatch/")).get("q0");
        assertThat(query.path("q").asString()).startsWith("Query SearchUser(");
        assertThat(query.path("query_params")).isEqualTo(json("{\"search\":\"grace\",\"limit\":5}"));
        assertThat(users).first().satisfies(grace -> {
            assertThat(grace.id()).isEqualTo(GRACE);
            assertThat(grace.name()).isEqualTo("Grace Hopper");
            assertThat(grace.lastName()).isEqualTo("Hopper");
            assertThat(grace.affinity()).isEqualTo(0.77);
            assertThat(grace.color()).isEqualTo("#0084ff");
        });

        List<PageData> pages = client.searchForPages("pasta", 10);
        assertThat(graphqlQueries(lastRequest("/api/graphqlbatch/")).get("q0").path("q").asString())
            .startsWith("Query SearchPage(");
        assertThat(pages).extracting(PageData::name).containsExactly("Pasta Paradise", "Pasta Academy");
        assertThat(pages.get(0).category()).isEqualTo("RESTAURANT");
        assertThat(pages.get(0).city()).isEqualTo("Springfield");
        assertThat(pages.get(0).url()).isEqualTo("https://www.facebook.com/pastaparadise/");

        List<GroupData> groups = client.searchForGroups("band", 5);
        assertThat(graphqlQueries(lastRequest("/api/graphqlbatch/")).get("q0").path("q").asString())
            .startsWith("Query SearchGroup(");
        assertThat(groups).singleElement().satisfies(ClientReadEndToEndTests::isBandPractice);

        List<ThreadData> threads = client.searchForThreads("pasta", 10);
        assertThat(graphqlQueries(lastRequest("/api/graphqlbatch/")).get("q0").path("q").asString())
            .startsWith("Query SearchThread(");
        assertThat(threads).allSatisfy(thread -> assertThat(thread).isInstanceOf(PageData.class)).hasSize(2);
        assertThat(client.searchForThreads("Grace Hopper", 10)).first().isInstanceOf(UserData.class);
    }

    @Test
    void searchMessagesFindsTheThreadsWithMatches() {
        List<Client.ThreadSearchResult> results = client.searchMessages("pizza", null).toList();

        RecordedRequest request = lastRequest("/ajax/mercury/search_snippets.php");
        assertThat(request.query()).isEqualTo("dpr=1");
        assertThat(request.fields()).contains(entry("query", "pizza"), entry("offset", "0"), entry("limit", "100"));
        assertThat(results).anySatisfy(result -> {
            assertThat(result.thread().id()).isEqualTo(GRACE);
            assertThat(result.count()).isEqualTo(100);
        });
    }

    @Test
    void fetchThreadInfoAsksOnceForThreadsAndOnceMoreForPeopleAndPages() {
        int graphql = requests("/api/graphqlbatch/");
        int people = requests("/chat/user_info/");

        List<ThreadData> threads = client.fetchThreadInfo(List.of(GRACE, BAND_PRACTICE, PASTA_PARADISE, MALLORY));

        assertThat(requests("/api/graphqlbatch/")).isEqualTo(graphql + 1);
        assertThat(requests("/chat/user_info/")).isEqualTo(people + 1);
        Map<String, JsonNode> queries = graphqlQueries(lastRequest("/api/graphqlbatch/")).properties().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(queries).hasSize(4);
        assertThat(queries.get("q1").path("doc_id").asString()).isEqualTo("2147762685294928");
        assertThat(queries.get("q1").path("query_params")).isEqualTo(json("{\"id\":\"" + BAND_PRACTICE
                + "\",\"message_limit\":0,\"load_messages\":false,\"load_read_receipts\":false,\"before\":null}"));
        assertThat(lastRequest("/chat/user_info/").fields()).contains(entry("ids[0]", GRACE),
                entry("ids[1]", PASTA_PARADISE), entry("ids[2]", MALLORY));

        assertThat(threads).extracting(ThreadData::id).containsExactly(GRACE, BAND_PRACTICE, PASTA_PARADISE, MALLORY);
        assertThat(threads.get(0)).isInstanceOfSatisfying(UserData.class, grace -> {
            assertThat(grace.name()).isEqualTo("Grace Hopper");
            assertThat(grace.messageCount()).isEqualTo(250);
            assertThat(grace.plan()).isNotNull();
            assertThat(grace.plan().title()).isEqualTo("Studio session");
        });
        assertThat(threads.get(1)).isInstanceOfSatisfying(GroupData.class, ClientReadEndToEndTests::isBandPractice);
        assertThat(threads.get(2)).isInstanceOfSatisfying(PageData.class, page -> {
            assertThat(page.name()).isEqualTo("Pasta Paradise");
            assertThat(page.url()).isEqualTo("https://www.facebook.com/pastaparadise/");
        });
        assertThat(threads.get(3)).isInstanceOfSatisfying(UserData.class,
                mallory -> assertThat(mallory.name()).isEqualTo("Mallory Knox"));
    }

    @Test
    void fetchThreadsReadsEachFolderMostRecentFirst() {
        List<ThreadData> inbox = client.fetchThreads(null, ThreadLocation.INBOX).toList();

        JsonNode query = graphqlQueries(lastRequest("/api/graphqlbatch/")).get("q0");
        assertThat(query.path("doc_id").asString()).isEqualTo("1349387578499440");
        assertThat(query.path("query_params")).isEqualTo(json("{\"limit\":100,\"tags\":[\"INBOX\"],\"before\":null,"
                + "\"includeDeliveryReceipts\":true,\"includeSeqID\":false}"));
        // The page's thread is left out, as in fbchat (a one-to-one thread whose other side is not a user).
        assertThat(inbox).extracting(ThreadData::id)
            .containsExactly(WEEKEND_TRIP, BAND_PRACTICE, GRACE, "300000000000001", "100000000000004",
                    "100000000000003", ALICE);
        assertThat(inbox.get(2)).isInstanceOfSatisfying(UserData.class, grace -> {
            assertThat(grace.lastActive()).isEqualTo(T0.plus(Duration.ofMinutes(2490)));
            assertThat(grace.firstName()).isEqualTo("Grace");
        });

        assertThat(client.fetchThreads(null, ThreadLocation.ARCHIVED).map(ThreadData::id))
            .containsExactly("100000000000013", "300000000000003");
        assertThat(client.fetchThreads(null, ThreadLocation.PENDING).map(ThreadData::id)).containsExactly(HEIDI);
        assertThat(client.fetchThreads(null, ThreadLocation.OTHER).map(ThreadData::id))
            .containsExactlyInAnyOrder("300000000000005", "100000000000014");
        assertThat(graphqlQueries(lastRequest("/api/graphqlbatch/")).get("q0").path("query_params").path("tags"))
            .isEqualTo(json("[\"OTHER\"]"));

        // The limit counts the page's thread too, although fbchat leaves it out.
        assertThat(client.fetchThreads(3).map(ThreadData::id)).containsExactly(WEEKEND_TRIP, BAND_PRACTICE);
        assertThat(graphqlQueries(lastRequest("/api/graphqlbatch/")).get("q0").path("query_params").path("limit").asInt())
            .isEqualTo(3);
    }

    @Test
    void fetchUnreadAndUnseenListGroupsThenPeople() {
        assertThat(client.fetchUnread()).containsExactly(new Group(session, WEEKEND_TRIP), new User(session, GRACE));
        assertThat(lastRequest("/ajax/mercury/unread_threads.php").fields()).contains(entry("folders[0]", "inbox"),
                entry("client", "mercury")).containsKey("last_action_timestamp");

        assertThat(client.fetchUnseen()).containsExactly(new Group(session, WEEKEND_TRIP));
        assertThat(requests("/mercury/unseen_thread_ids/")).isPositive();
    }

    @Test
    void fetchImageUrlFollowsTheServerRedirect() {
        assertThat(client.fetchImageUrl("500000000000001"))
            .isEqualTo("https://cdn.fbchat.local/v/500000000000001/rehearsal-1.jpg");
        assertThat(lastRequest("/mercury/attachments/photo/").fields()).containsEntry("photo_id", "500000000000001");
        assertThatThrownBy(() -> client.fetchImageUrl("1")).isInstanceOf(InvalidParameters.class);
    }

    @Test
    void phoneNumbersAndEmailsComeFromThePrivateDataQuery() {
        assertThat(client.getPhoneNumbers()).containsExactly("+15551230001", "+15551230002");
        assertThat(graphqlQueries(lastRequest("/api/graphqlbatch/")).get("q0").path("doc_id").asString())
            .isEqualTo("1868889766468115");
        assertThat(client.getEmails()).containsExactly("bot@fbchat.local", "echo.bot@example.com");
    }

    @Test
    void fetchMessagesPagesThroughTheWholeThreadNewestFirst() {
        List<MessageData> messages = new User(session, GRACE).fetchMessages(null).toList();

        assertThat(messages).hasSize(250);
        assertThat(messages).extracting(MessageData::id).doesNotHaveDuplicates();
        assertThat(messages.get(0).id()).isEqualTo("mid.$seed-200000000000011-0250");
        assertThat(messages.get(249).id()).isEqualTo("mid.$seed-200000000000011-0001");
        assertThat(messages.get(0).text()).isEqualTo("I found a great pizza place downtown (#250)");
        assertThat(messages.get(0).author()).isEqualTo(GRACE);
        assertThat(messages.get(0).isRead()).isFalse();
        assertThat(messages.get(2).isRead()).isTrue();
        assertThat(messages.get(249).createdAt()).isEqualTo(T0);
        JsonNode query = graphqlQueries(lastRequest("/api/graphqlbatch/")).get("q0");
        assertThat(query.path("doc_id").asString()).isEqualTo("1860982147341344");
        assertThat(query.path("query_params").path("load_read_receipts").asBoolean()).isTrue();
        assertThat(query.path("query_params").path("before").asLong())
            .isEqualTo(T0.plus(Duration.ofMinutes(510)).toEpochMilli());
    }

    @Test
    void theStreamsFetchAPageOnlyWhenItIsConsumed() {
        MessengerThread grace = new User(session, GRACE);
        int before = requests("/api/graphqlbatch/");

        var messages = grace.fetchMessages(null);
        assertThat(requests("/api/graphqlbatch/")).isEqualTo(before);
        assertThat(messages.limit(100).count()).isEqualTo(100);
        assertThat(requests("/api/graphqlbatch/")).isEqualTo(before + 1);
        assertThat(grace.fetchMessages(null).limit(101).count()).isEqualTo(101);
        assertThat(requests("/api/graphqlbatch/")).isEqualTo(before + 3);

        int searches = requests("/ajax/mercury/search_snippets.php");
        assertThat(grace.searchMessages("pizza", null).findFirst()).isPresent();
        assertThat(requests("/ajax/mercury/search_snippets.php")).isEqualTo(searches + 1);
        assertThat(grace.searchMessages("pizza", null).count()).isEqualTo(100);
        // 50, 50, then an empty page that ends the search.
        assertThat(requests("/ajax/mercury/search_snippets.php")).isEqualTo(searches + 4);

        int threads = requests("/api/graphqlbatch/");
        assertThat(client.fetchThreads(null).findFirst()).isPresent();
        assertThat(requests("/api/graphqlbatch/")).isEqualTo(threads + 1);
    }

    @Test
    void messagesCarryMentionsRepliesReactionsStickersAndAttachments() {
        Map<Integer, MessageData> band = new Group(session, BAND_PRACTICE).fetchMessages(null)
            .collect(Collectors.toMap(m -> Integer.parseInt(m.id().substring(m.id().length() - 4)), m -> m));

        assertThat(band).hasSize(25);
        assertThat(band.get(1).attachments()).hasSize(4).allSatisfy(a -> assertThat(a).isInstanceOf(ImageAttachment.class));
        assertThat(band.get(1).attachments().get(0).id()).isEqualTo("500000000000001");
        assertThat(band.get(2).attachments()).singleElement().isInstanceOfSatisfying(VideoAttachment.class, video -> {
            assertThat(video.duration()).isEqualTo(Duration.ofSeconds(95));
            assertThat(video.previewUrl()).isNotNull();
        });
        assertThat(band.get(3).text()).isNull();
        assertThat(band.get(4).mentions()).singleElement().satisfies(mention -> {
            assertThat(mention.threadId()).isEqualTo(ALICE);
            assertThat(mention.offset()).isZero();
            assertThat(mention.length()).isEqualTo(14);
        });
        assertThat(band.get(5).replyToId()).isEqualTo(band.get(4).id());
        assertThat(band.get(5).repliedTo()).isNotNull();
        assertThat(band.get(5).repliedTo().text()).isEqualTo("@Alice Liddell can you bring the cables?");
        assertThat(band.get(5).reactions()).containsOnly(entry(BOT, "❤"), entry(GRACE, "👍"));
        assertThat(band.get(6).sticker()).isNotNull();
        assertThat(band.get(6).sticker().id()).isEqualTo("369239263222822");
        assertThat(band.get(6).sticker().pack()).isEqualTo("227877430692340");
        assertThat(band.get(7).emojiSize()).isEqualTo(EmojiSize.LARGE);
        assertThat(band.get(8).attachments()).singleElement().isInstanceOfSatisfying(FileAttachment.class,
                file -> assertThat(file.name()).isEqualTo("setlist.pdf"));
        assertThat(band.get(9).attachments()).singleElement().isInstanceOfSatisfying(AudioAttachment.class,
                audio -> assertThat(audio.duration()).isEqualTo(Duration.ofSeconds(184)));
        assertThat(band.get(10).forwarded()).isTrue();
        assertThat(band.get(23).attachments()).singleElement().isInstanceOfSatisfying(ImageAttachment.class,
                gif -> assertThat(gif.isAnimated()).isTrue());
        assertThat(band.get(25).readBy()).contains(BOT, ALICE, GRACE);
    }

    @Test
    void fetchImagesListsTheSharedMediaNewestFirst() {
        List<Attachment> media = new Group(session, BAND_PRACTICE).fetchImages(null).toList();

        assertThat(media).hasSize(18);
        assertThat(media.get(0).id()).isEqualTo("500000000000020");
        assertThat(media).filteredOn(VideoAttachment.class::isInstance).extracting(Attachment::id)
            .containsExactly("500000000000014", "500000000000005");
        assertThat(media.get(17)).isInstanceOfSatisfying(ImageAttachment.class, image -> {
            assertThat(image.id()).isEqualTo("500000000000001");
            assertThat(image.width()).isEqualTo(1600);
            assertThat(image.height()).isEqualTo(1200);
            assertThat(image.previews()).isNotEmpty();
        });
        JsonNode query = graphqlQueries(lastRequest("/api/graphqlbatch/")).get("q0");
        assertThat(query.path("query_id").asString()).isEqualTo("515216185516880");
        assertThat(query.path("query_params").path("first").asInt()).isEqualTo(1000);
    }

    @Test
    void threadSearchGivesSnippetsNewestFirst() {
        List<MessageSnippet> snippets = new User(session, GRACE).searchMessages("pizza", 3).toList();

        assertThat(lastRequest("/ajax/mercury/search_snippets.php").fields()).contains(entry("query", "pizza"),
                entry("snippetOffset", "0"), entry("snippetLimit", "3"), entry("identifier", "thread_fbid"),
                entry("thread_fbid", GRACE));
        assertThat(snippets).hasSize(3).allSatisfy(snippet -> assertThat(snippet.text()).containsIgnoringCase("pizza"));
        assertThat(snippets.get(0).createdAt()).isAfter(snippets.get(1).createdAt());
        assertThat(snippets.get(0).matchedKeywords()).containsValue("pizza");
    }

    @Test
    void aMessagePollAndPlanCanBeFetchedOnTheirOwn() {
        MessageData reply = new Message(new Group(session, BAND_PRACTICE), "mid.$seed-300000000000002-0005").fetch();
        assertThat(graphqlQueries(lastRequest("/api/graphqlbatch/")).get("q0").path("doc_id").asString())
            .isEqualTo("1768656253222505");
        assertThat(reply.text()).isEqualTo("Sure, I will!");
        assertThat(reply.repliedTo().id()).isEqualTo("mid.$seed-300000000000002-0004");

        List<PollOption> options = new Poll(session, "600000000000001", null, List.of(), null).fetchOptions();
        assertThat(lastRequest("/ajax/mercury/get_poll_options").fields()).containsEntry("question_id", "600000000000001");
        assertThat(options).extracting(PollOption::text).containsExactly("Saturday", "Sunday", "Friday night");
        assertThat(options.get(0).vote()).isTrue();
        assertThat(options.get(0).votesCount()).isEqualTo(3);
        assertThat(options.get(0).voters()).contains(BOT, ALICE, GRACE);

        PlanData plan = new Plan(session, "700000000000001").fetch();
        assertThat(lastRequest("/ajax/eventreminder").fields()).containsEntry("event_reminder_id", "700000000000001");
        assertThat(plan.title()).isEqualTo("Gig at The Blue Note");
        assertThat(plan.time()).isEqualTo(Instant.ofEpochSecond(1706904000));
        assertThat(plan.location()).isEqualTo("The Blue Note");
        assertThat(plan.locationId()).isEqualTo("800000000000001");
        assertThat(plan.authorId()).isEqualTo(GRACE);
        assertThat(plan.guests()).containsEntry("100000000000003", GuestStatus.DECLINED);
        assertThat(plan.going()).containsExactlyInAnyOrder(BOT, ALICE, GRACE);
    }

    @Test
    void badArgumentsFailBeforeAnyRequest() {
        int before = totalRequests();
        MessengerThread grace = new User(session, GRACE);

        assertIllegal(() -> grace.fetchMessages(-1));
        assertIllegal(() -> grace.fetchImages(-5));
        assertIllegal(() -> grace.searchMessages("pizza", -1));
        assertIllegal(() -> grace.searchMessages(" ", 3));
        assertIllegal(() -> client.fetchThreads(-1, ThreadLocation.INBOX));
        assertIllegal(() -> client.fetchThreads(10, null));
        assertIllegal(() -> client.fetchThreadInfo(List.of()));
        assertIllegal(() -> client.fetchThreadInfo(List.of(" ")));
        assertIllegal(() -> client.searchForUsers("grace", -1));
        assertIllegal(() -> client.searchForGroups("", 5));
        assertIllegal(() -> client.searchMessages("pizza", -3));
        assertIllegal(() -> client.fetchImageUrl(""));

        assertThat(totalRequests()).isEqualTo(before);
    }

    @Test
    void anOverriddenDocumentIdIsTheOneSent() {
        Session overridden = Session.fromCookies(session.getCookies(), SessionOptions.defaults()
            .withEndpoints(Endpoints.local(emulator.baseUrl()))
            .withProtocolConstant(ProtocolConstant.MESSAGES_DOC_ID, "4242"));

        assertThatThrownBy(() -> new User(overridden, GRACE).fetchMessages(1).toList())
            .isInstanceOfSatisfying(GraphQLError.class, error -> assertThat(error.debugInfo()).contains("4242"));
        assertThat(graphqlQueries(lastRequest("/api/graphqlbatch/")).get("q0").path("doc_id").asString())
            .isEqualTo("4242");
    }

    private static void isBandPractice(GroupData band) {
        assertThat(band.id()).isEqualTo(BAND_PRACTICE);
        assertThat(band.name()).isEqualTo("Band Practice");
        assertThat(band.color()).isEqualTo("#44bec7");
        assertThat(band.emoji()).isEqualTo("🥁");
        assertThat(band.nicknames()).containsEntry(ALICE, "Ally").containsEntry(GRACE, "Sticks");
        assertThat(band.admins()).containsExactlyInAnyOrder(BOT, GRACE);
        assertThat(band.approvalMode()).isTrue();
        assertThat(band.approvalRequests()).containsExactly(HEIDI);
        assertThat(band.joinLink()).isEqualTo("https://m.me/j/AbBandPractice1/");
        assertThat(band.participants()).extracting(MessengerThread::id).containsExactly(BOT, ALICE, "100000000000003",
                GRACE);
        assertThat(band.photo().url()).isEqualTo("https://cdn.fbchat.local/groups/300000000000002.jpg");
        assertThat(band.plan()).isNotNull();
        assertThat(band.plan().title()).isEqualTo("Gig at The Blue Note");
    }

    private static void assertIllegal(Supplier<?> call) {
        assertThatThrownBy(call::get).isInstanceOf(IllegalArgumentException.class);
    }

    private static RecordedRequest lastRequest(String path) {
        List<RecordedRequest> requests = driver.requests(path);
        assertThat(requests).as("requests to %s", path).isNotEmpty();
        return requests.get(requests.size() - 1);
    }

    private static JsonNode graphqlQueries(RecordedRequest request) {
        assertThat(request.fields()).containsEntry("method", "GET").containsEntry("response_format", "json");
        return FacebookJson.parse(request.fields().get("queries"));
    }

    private static int requests(String path) {
        return driver.stats().requests(path);
    }

    private static int totalRequests() {
        return driver.stats().requestsByPath().entrySet().stream()
            .filter(e -> !e.getKey().startsWith("/_emulator/"))
            .mapToInt(Map.Entry::getValue)
            .sum();
    }

    private static JsonNode json(String text) {
        return FacebookJson.parse(text);
    }
}
