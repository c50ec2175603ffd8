package dev.fbchat.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverAccount;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverAttachment;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverMessage;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverThread;
import dev.fbchat.emulator.driver.EmulatorDriver.NewAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.fbchat.emulator.ReadClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * One world, one truth: what the driver API and {@code /messaging/send/} change shows in the
 * read endpoints. Each test works in threads of its own, so the tests share one emulator.
 */
class DriverReadSideTests {

    private static final java.util.concurrent.atomic.AtomicLong NEXT_CLIENT_ID =
            new java.util.concurrent.atomic.AtomicLong(6912345678901234567L);


    private static final String BOT = "100000000000001";

    private static final String ALICE = "100000000000002";

    private static final String BOB = "100000000000003";

    private static final String CAROL = "100000000000004";

    private static MessengerEmulator emulator;

    private static EmulatorDriver driver;

    private static ReadClient bot;

    @BeforeAll
    static void start() {
        emulator = MessengerEmulator.start();
        driver = new EmulatorDriver(emulator.baseUrl());
        bot = ReadClient.loggedIn(emulator, emulator.bot());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aLiveMessageIsUnreadUnseenAndFirstInTheInboxUntilRead() {
        DriverMessage hello = driver.send("200000000000003", BOB, "hello from bob");

        JsonNode nodes = messages(BOB, 10).path("messages").path("nodes");
        JsonNode last = nodes.get(nodes.size() - 1);
        assertThat(last.path("message_id").asString()).isEqualTo(hello.id());
        assertThat(last.path("message").path("text").asString()).isEqualTo("hello from bob");
        assertThat(last.path("timestamp_precise").asString()).isEqualTo(Long.toString(hello.timestamp()));
        assertThat(last.path("unread").asBoolean()).isTrue();
        assertThat(ThreadReadTests.ids(threadList("INBOX")).get(0)).isEqualTo(BOB);
        assertThat(unread()).contains(BOB);
        assertThat(unseen()).contains(BOB);

        driver.markRead("200000000000003", BOT);
        assertThat(unread()).doesNotContain(BOB);
        assertThat(unseen()).doesNotContain(BOB);
        assertThat(messages(BOB, 1).path("messages").path("nodes").path(0).path("unread").asBoolean()).isFalse();

        driver.markRead("200000000000003", BOT, 0);
        driver.markSeen(BOT, hello.timestamp());
        assertThat(unread()).as("marked unread again").contains(BOB);
        assertThat(unseen()).as("but seen").doesNotContain(BOB);
        assertThat(driver.thread("200000000000003").readWatermarks()).containsEntry(BOT, 0L)
            .containsEntry(BOB, hello.timestamp());
    }

    @Test
    void whatTheBotSendsShowsWithItsReplyMentionsAndTags() {
        DriverMessage question = driver.send("200000000000004", CAROL, "coffee?");
        JsonNode sent = bot.post("/messaging/send/", sendForm(Map.of("other_user_fbid", CAROL, "body", "@Carol yes",
                "replied_to_message_id", question.id(), "profile_xmd[0][id]", CAROL, "profile_xmd[0][offset]", "0",
                "profile_xmd[0][length]", "6", "profile_xmd[0][type]", "p", "tags[0]", "hot_emoji_size:small")));
        String id = sent.path("payload").path("actions").path(0).path("message_id").asString();

        JsonNode message = bot.doc(ThreadReadTests.MESSAGE, Map.of("thread_and_message_id",
                Map.of("thread_id", CAROL, "message_id", id))).path("data").path("message");
        assertThat(message.path("message_sender").path("id").asString()).isEqualTo(BOT);
        assertThat(message.path("unread").asBoolean()).as("one's own message").isFalse();
        assertThat(message.path("replied_to_message").path("message").path("message_id").asString())
            .isEqualTo(question.id());
        assertThat(message.path("message").path("ranges").path(0).path("entity").path("id").asString()).isEqualTo(CAROL);
        assertThat(message.path("tags_list").toString()).contains("hot_emoji_size:small");
        assertThat(driver.messages("200000000000004").get(1).replyTo()).isEqualTo(question.id());

        Map<String, String> badReply = sendForm(Map.of("other_user_fbid", CAROL, "body", "x",
                "replied_to_message_id", "mid.$nothing"));
        assertThat(bot.post("/messaging/send/", badReply).path("error").asInt()).isEqualTo(1545003);
    }

    @Test
    void newAccountsLogInAndAreKnownEverywhere() {
        DriverAccount oscar = driver.createAccount(new NewAccount("Oscar Wilde", null, null, "oscar-password", "MALE",
                List.of(), List.of("+15557770000")));
        assertThat(oscar.id()).startsWith("1000000000010");
        assertThat(oscar.email()).isEqualTo("user" + oscar.id() + "@fbchat.local");
        assertThat(driver.accounts()).contains(oscar);

        ReadClient asOscar = ReadClient.loggedIn(emulator,
                new Account(oscar.id(), oscar.name(), oscar.email(), oscar.password()));
        JsonNode phones = asOscar.doc("1868889766468115", Map.of()).path("data").path("viewer").path("user")
            .path("all_phones");
        assertThat(phones.path(0).path("phone_number").path("universal_number").asString()).isEqualTo("+15557770000");
        JsonNode found = bot.text("SearchUser", map("search", "oscar", "limit", 5)).path("response").path("oscar")
            .path("users").path("nodes").path(0);
        assertThat(found.path("gender").asString()).isEqualTo("MALE");
        assertThat(found.path("is_viewer_friend").asBoolean()).isFalse();

        JsonNode sent = bot.post("/messaging/send/", sendForm(Map.of("other_user_fbid", oscar.id(), "body", "welcome")));
        assertThat(sent.has("error")).isFalse();
        assertThat(ThreadReadTests.ids(asOscar.doc(ThreadReadTests.THREAD_LIST, map("limit", 10, "tags",
                List.of("PENDING"), "before", null, "includeSeqID", false))))
            .as("a first message from a stranger is a message request").containsExactly(BOT);
        assertThat(bot.payload("/chat/user_info_all", Map.of("viewer", BOT)).has(oscar.id())).isTrue();

        DriverAccount friend = driver.createAccount(NewAccount.named("Pat Friend").withFriends(BOT));
        assertThat(bot.payload("/chat/user_info/", Map.of("ids[0]", friend.id())).path("profiles").path(friend.id())
            .path("type").asString()).isEqualTo("friend");
    }

    @Test
    void accountRequestsAreChecked() throws Exception {
        assertThat(postJson("/_emulator/accounts", "{\"name\":\"Dup\",\"id\":\"100000000000002\"}").statusCode())
            .isEqualTo(409);
        assertThat(postJson("/_emulator/accounts", "{\"name\":\"Dup\",\"email\":\"alice@fbchat.local\"}").statusCode())
            .isEqualTo(409);
        assertThat(postJson("/_emulator/accounts", "{\"id\":\"5\"}").statusCode()).isEqualTo(400);
        assertThat(postJson("/_emulator/accounts", "{\"name\":\"X\",\"id\":\"abc\"}").statusCode()).isEqualTo(400);
        assertThat(postJson("/_emulator/accounts", "{\"name\":\"X\",\"friends\":[\"42\"]}").statusCode()).isEqualTo(400);
        assertThat(postJson("/_emulator/accounts", "{\"name\":\"X\",\"gender\":\"OTHER\"}").statusCode()).isEqualTo(400);
        assertThat(postJson("/_emulator/accounts/42/seen", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void newGroupsCarryTheirSettingsAndCanBeFiled() {
        DriverThread group = driver.createThread(Map.of("type", "GROUP", "name", "Chess Club", "participants",
                List.of(BOT, ALICE, BOB), "admins", List.of(ALICE), "emoji", "♟", "color", "#FA3C4C", "nicknames",
                Map.of(BOB, "Bobby"), "folders", Map.of(BOT, "ARCHIVED")));
        assertThat(group.id()).startsWith("3000000000010");
        assertThat(group.admins()).containsExactly(ALICE);
        assertThat(group.folders()).containsEntry(BOT, "ARCHIVED").containsEntry(ALICE, "INBOX");

        JsonNode info = bot.doc(ThreadReadTests.THREAD_INFO, map("id", group.id(), "message_limit", 0,
                "load_messages", false, "load_read_receipts", false, "before", null)).path("data").path("message_thread");
        assertThat(info.path("name").asString()).isEqualTo("Chess Club");
        assertThat(info.path("customization_info").path("outgoing_bubble_color").asString()).isEqualTo("FFFA3C4C");
        assertThat(info.path("customization_info").path("emoji").asString()).isEqualTo("♟");
        assertThat(info.path("folder").asString()).isEqualTo("ARCHIVED");
        assertThat(ThreadReadTests.ids(threadList("ARCHIVED"))).contains(group.id());

        driver.send(group.id(), ALICE, "first move");
        assertThat(driver.thread(group.id()).folders()).as("a new message unarchives").containsEntry(BOT, "INBOX");
        driver.moveThread(group.id(), BOT, "OTHER");
        assertThat(ThreadReadTests.ids(threadList("OTHER"))).contains(group.id());

        assertThatIllegalStateException().isThrownBy(() -> driver.createGroup("Nobody", List.of(BOT, "42")))
            .withMessageContaining("400");
        DriverThread pair = driver.createUserThread(BOT, "110000000000002");
        assertThat(pair.type()).isEqualTo("USER");
        assertThat(driver.createUserThread("110000000000002", BOT).id()).as("the same thread").isEqualTo(pair.id());
    }

    @Test
    void attachmentsFromTheDriverShowInMessagesMediaDeltasAndPhotoUrls() throws Exception {
        DriverThread group = driver.createGroup("Photo Club", List.of(ALICE, BOT));
        try (MqttTestClient mqtt = MqttTestClient.connect(emulator, BOT, bot.browser.cookieHeader(), List.of())) {
            mqtt.subscribeToSync();
            mqtt.publish("/messenger_sync_create_queue", "{\"sync_api_version\":10,\"max_deltas_able_to_process\":1000,"
                    + "\"delta_batch_size\":500,\"encoding\":\"JSON\",\"entity_fbid\":\"" + BOT
                    + "\",\"initial_titan_sequence_id\":\"" + sequenceId() + "\",\"device_params\":null}");
            mqtt.nextSync();

            DriverMessage sent = driver.send(group.id(), ALICE, "holiday", List.of(DriverAttachment.image("beach.png", 800, 600),
                    DriverAttachment.video("waves.mp4", 1920, 1080, 12_000), DriverAttachment.audio("song.mp3", 3_000),
                    DriverAttachment.file("notes.txt", 42, "text/plain")));
            assertThat(sent.attachments()).extracting(DriverAttachment::type).containsExactly("image", "video", "audio", "file");

            JsonNode delta = mqtt.nextSync().path("deltas").path(0);
            assertThat(delta.path("body").asString()).isEqualTo("holiday");
            assertThat(delta.path("attachments")).hasSize(4);
            assertThat(delta.path("attachments").path(0).path("mercury").path("blob_attachment").path("__typename")
                .asString()).isEqualTo("MessageImage");
            assertThat(delta.path("attachments").path(3).path("fileSize").asString()).isEqualTo("42");
        }

        JsonNode blobs = messages(group.id(), 1).path("messages").path("nodes").path(0).path("blob_attachments");
        List<String> types = new ArrayList<>();
        blobs.forEach(blob -> types.add(blob.path("__typename").asString()));
        assertThat(types).containsExactly("MessageImage", "MessageVideo", "MessageAudio", "MessageFile");
        String imageId = blobs.path(0).path("legacy_attachment_id").asString();
        assertThat(imageId).isEqualTo(driver.messages(group.id()).get(0).attachments().get(0).id());

        JsonNode media = bot.queryId(ThreadReadTests.SHARED_MEDIA, map("id", group.id(), "first", 10, "after", null))
            .path("data").path(group.id()).path("message_shared_media").path("edges");
        assertThat(media).hasSize(2);
        assertThat(bot.post("/mercury/attachments/photo/", Map.of("photo_id", imageId)).path("jsmods").path("require")
            .path(0).path(3).path(0).asString()).endsWith("/beach.png");

        DriverMessage fromPage = driver.send("210000000000001", "110000000000001", "Your order is on its way", List.of());
        assertThat(messages("110000000000001", 1).path("messages").path("nodes").path(0).path("message_id").asString())
            .isEqualTo(fromPage.id());
    }

    @Test
    void driverMessageRequestsAreChecked() throws Exception {
        assertThat(postJson("/_emulator/threads/200000000000002/messages",
                "{\"from\":\"100000000000002\",\"attachments\":[{\"type\":\"sound\",\"filename\":\"x\"}]}").statusCode())
            .isEqualTo(400);
        assertThat(postJson("/_emulator/threads/200000000000002/messages",
                "{\"from\":\"100000000000002\",\"attachments\":[{\"type\":\"image\"}]}").statusCode()).isEqualTo(400);
        assertThat(postJson("/_emulator/threads/200000000000002/messages",
                "{\"from\":\"100000000000002\",\"text\":\"x\",\"replyTo\":\"mid.$none\"}").statusCode()).isEqualTo(400);
        assertThat(postJson("/_emulator/threads/200000000000002/read", "{\"account\":\"100000000000003\"}").statusCode())
            .isEqualTo(400);
        assertThat(postJson("/_emulator/threads/200000000000002/folder",
                "{\"account\":\"100000000000001\",\"folder\":\"TRASH\"}").statusCode()).isEqualTo(400);
        assertThat(postJson("/_emulator/threads", "{\"type\":\"USER\",\"participants\":[\"100000000000001\"]}")
            .statusCode()).isEqualTo(400);
        assertThat(postJson("/_emulator/threads/999/read", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void theDriverShowsWhatClientsSentWithoutPasswords() {
        ReadClient.loggedIn(emulator, emulator.accounts().get(2)).payload("/ajax/mercury/search_snippets.php?dpr=1",
                Map.of("query", "recorded", "offset", "0", "limit", "5"));

        List<EmulatorDriver.RecordedRequest> searches = driver.requests("/ajax/mercury/search_snippets.php");
        EmulatorDriver.RecordedRequest search = searches.get(searches.size() - 1);
        assertThat(search.method()).isEqualTo("POST");
        assertThat(search.query()).isEqualTo("dpr=1");
        assertThat(search.fields()).containsEntry("query", "recorded").containsKeys("__a", "__req", "__rev", "fb_dtsg");
        assertThat(search.cookies()).contains("c_user", "xs");
        EmulatorDriver.RecordedRequest login = driver.requests("/login/password/").get(0);
        assertThat(login.fields()).containsEntry("pass", "<redacted>");
        assertThat(driver.requests("/_emulator/stats")).as("driver calls are not kept").isEmpty();
    }

    private static JsonNode messages(String id, int limit) {
        return bot.doc(ThreadReadTests.MESSAGES, map("id", id, "message_limit", limit, "load_messages", true,
                "load_read_receipts", true, "before", null)).path("data").path("message_thread");
    }

    private static JsonNode threadList(String folder) {
        return bot.doc(ThreadReadTests.THREAD_LIST, map("limit", 50, "tags", List.of(folder), "before", null,
                "includeDeliveryReceipts", true, "includeSeqID", false));
    }

    private static String sequenceId() {
        return bot.doc(ThreadReadTests.THREAD_LIST, map("limit", 1, "tags", List.of("INBOX"), "before", null,
                "includeSeqID", true)).path("data").path("viewer").path("message_threads").path("sync_sequence_id")
            .asString();
    }

    private static List<String> unread() {
        return fbids(bot.payload("/ajax/mercury/unread_threads.php", Map.of("folders[0]", "inbox"))
            .path("unread_thread_fbids").path(0));
    }

    private static List<String> unseen() {
        return fbids(bot.payload("/mercury/unseen_thread_ids/", Map.of()).path("unseen_thread_fbids").path(0));
    }

    private static List<String> fbids(JsonNode entry) {
        List<String> ids = new ArrayList<>();
        entry.path("thread_fbids").forEach(id -> ids.add(id.asString()));
        entry.path("other_user_fbids").forEach(id -> ids.add(id.asString()));
        return ids;
    }

    private static Map<String, String> sendForm(Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("client", "mercury");
        form.put("author", "fbid:" + BOT);
        // each send its own client id: a repeated one is, as on Facebook, the message already sent
        form.put("offline_threading_id", Long.toString(NEXT_CLIENT_ID.getAndIncrement()));
        form.put("action_type", "ma-type:user-generated-message");
        return form;
    }

    private static HttpResponse<String> postJson(String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(), HttpResponse.BodyHandlers.ofString());
    }
}
