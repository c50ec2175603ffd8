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

/**
 * The GraphQL documents that read threads and messages, over the seeded history (read only:
 * the live side is in {@code DriverReadSideTests}).
 */
class ThreadReadTests {

    static final long T0 = 1_704_067_200_000L;

    static final long MINUTE = 60_000L;

    static final String BOT = "100000000000001";

    static final String ALICE = "100000000000002";

    static final String BOB = "100000000000003";

    static final String GRACE = "100000000000011";

    static final String HEIDI = "100000000000012";

    static final String MALLORY = "100000000000015";

    static final String PASTA_PARADISE = "110000000000001";

    static final String BAND = "300000000000002";

    static final String THREAD_LIST = "1349387578499440";

    static final String THREAD_INFO = "2147762685294928";

    static final String MESSAGES = "1860982147341344";

    static final String SHARED_MEDIA = "515216185516880";

    static final String MESSAGE = "1768656253222505";

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
    void threadListFilesThreadsByFolderMostRecentFirst() {
        assertThat(ids(threadList("INBOX", 20, null))).containsExactly("300000000000004", BAND, PASTA_PARADISE, GRACE,
                "300000000000001", "100000000000004", BOB, ALICE);
        assertThat(ids(threadList("PENDING", 20, null))).containsExactly(HEIDI);
        assertThat(ids(threadList("ARCHIVED", 20, null))).containsExactly("100000000000013", "300000000000003");
        assertThat(ids(threadList("OTHER", 20, null))).containsExactly("300000000000005", "100000000000014");

        JsonNode inbox = threadList("INBOX", 20, null).path("data").path("viewer").path("message_threads");
        assertThat(inbox.has("sync_sequence_id")).as("includeSeqID false").isFalse();
        assertThat(inbox.path("unread_count").asInt()).isEqualTo(2);
        assertThat(inbox.path("unseen_count").asInt()).isEqualTo(1);
        JsonNode archived = threadList("ARCHIVED", 20, null).path("data").path("viewer").path("message_threads");
        assertThat(archived.path("nodes").path(0).path("folder").asString()).isEqualTo("ARCHIVED");
        assertThat(archived.path("nodes").path(0).path("has_viewer_archived").asBoolean()).isTrue();
    }

    @Test
    void threadListPagesWithAnInclusiveBefore() {
        JsonNode first = threadList("INBOX", 3, null);
        assertThat(ids(first)).containsExactly("300000000000004", BAND, PASTA_PARADISE);
        assertThat(first.path("data").path("viewer").path("message_threads").path("page_info").path("has_next_page")
            .asBoolean()).isTrue();
        long before = Long.parseLong(nodes(first).get(2).path("updated_time_precise").asString());

        JsonNode second = threadList("INBOX", 3, before);
        assertThat(ids(second)).containsExactly(PASTA_PARADISE, GRACE, "300000000000001");

        JsonNode last = threadList("INBOX", 100, T0 - 31 * 24 * 60 * MINUTE);
        assertThat(ids(last)).containsExactly(ALICE);
        assertThat(last.path("data").path("viewer").path("message_threads").path("page_info").path("has_next_page")
            .asBoolean()).isFalse();
    }

    @Test
    void theSameDocumentAnswersTheSequenceIdWhenAskedFor() {
        JsonNode answer = bot.doc(THREAD_LIST, map("limit", 1, "tags", List.of("INBOX"), "before", null,
                "includeDeliveryReceipts", false, "includeSeqID", true));

        JsonNode threads = answer.path("data").path("viewer").path("message_threads");
        assertThat(threads.path("sync_sequence_id").asString()).isEqualTo("1000");
        assertThat(threads.path("nodes")).hasSize(1);
    }

    @Test
    void oneToOneThreadsCarryTheOtherPersonAsFbchatReadsThem() {
        JsonNode grace = nodes(threadList("INBOX", 20, null)).get(3);

        assertThat(grace.path("thread_type").asString()).isEqualTo("ONE_TO_ONE");
        assertThat(grace.path("thread_key").path("other_user_id").asString()).isEqualTo(GRACE);
        assertThat(grace.path("thread_key").path("thread_fbid").isNull()).isTrue();
        assertThat(grace.path("messages_count").asInt()).isEqualTo(250);
        assertThat(grace.path("unread_count").asInt()).isEqualTo(2);
        assertThat(grace.path("updated_time_precise").asString()).isEqualTo(Long.toString(T0 + 249 * 10 * MINUTE));
        assertThat(grace.path("event_reminders").path("nodes").path(0).path("id").asString()).isEqualTo("700000000000002");
        JsonNode actor = participant(grace, GRACE);
        assertThat(actor.path("__typename").asString()).isEqualTo("User");
        assertThat(actor.path("name").asString()).isEqualTo("Grace Hopper");
        assertThat(actor.path("short_name").asString()).isEqualTo("Grace");
        assertThat(actor.path("gender").asString()).isEqualTo("FEMALE");
        assertThat(actor.path("url").asString()).isEqualTo("https://www.facebook.com/grace.hopper");
        assertThat(actor.path("is_viewer_friend").asBoolean()).isTrue();
        assertThat(actor.path("big_image_src").path("uri").asString()).startsWith("https://cdn.fbchat.local/");

        JsonNode page = nodes(threadList("INBOX", 20, null)).get(2);
        assertThat(participant(page, PASTA_PARADISE).path("__typename").asString()).isEqualTo("Page");
        JsonNode empty = nodes(threadList("INBOX", 20, null)).get(7);
        assertThat(empty.has("last_message")).as("no message yet").isFalse();
    }

    @Test
    void threadInfoAnswersEachQueryOfTheBatchAndNullForNoThread() {
        List<JsonNode> answer = bot.batch(Map.of(
                "q0", Map.of("doc_id", THREAD_INFO, "query_params", info(BAND)),
                "q1", Map.of("doc_id", THREAD_INFO, "query_params", info(GRACE)),
                "q2", Map.of("doc_id", THREAD_INFO, "query_params", info(MALLORY))));

        assertThat(answer).hasSize(4);
        JsonNode band = find(answer, "q0").path("data").path("message_thread");
        assertThat(band.path("thread_type").asString()).isEqualTo("GROUP");
        assertThat(band.path("thread_key").path("thread_fbid").asString()).isEqualTo(BAND);
        assertThat(band.path("name").asString()).isEqualTo("Band Practice");
        assertThat(band.path("is_group_thread").asBoolean()).isTrue();
        assertThat(band.path("thread_admins").findValuesAsString("id")).containsExactly(BOT, GRACE);
        assertThat(band.path("approval_mode").asInt()).isEqualTo(1);
        assertThat(band.path("group_approval_queue").path("nodes").path(0).path("requester").path("id").asString())
            .isEqualTo(HEIDI);
        assertThat(band.path("joinable_mode").path("link").asString()).isEqualTo("https://m.me/j/AbBandPractice1/");
        assertThat(band.path("image").path("uri").asString()).isEqualTo("https://cdn.fbchat.local/groups/300000000000002.jpg");
        JsonNode customization = band.path("customization_info");
        assertThat(customization.path("emoji").asString()).isEqualTo("🥁");
        assertThat(customization.path("outgoing_bubble_color").asString()).isEqualTo("FF44BEC7");
        assertThat(customization.path("participant_customizations").findValuesAsString("nickname"))
            .containsExactly("Ally", "Sticks");
        assertThat(band.path("all_participants").path("nodes")).hasSize(4);
        assertThat(band.path("messages_count").asInt()).isEqualTo(25);
        assertThat(band.has("messages")).as("load_messages false").isFalse();
        JsonNode plan = band.path("event_reminders").path("nodes").path(0);
        assertThat(plan.path("id").asString()).isEqualTo("700000000000001");
        assertThat(plan.path("event_title").asString()).isEqualTo("Gig at The Blue Note");
        assertThat(plan.path("time").asLong()).isEqualTo(1_706_904_000L);
        assertThat(plan.path("lightweight_event_creator").path("id").asString()).isEqualTo(GRACE);
        assertThat(plan.path("event_reminder_members").path("edges")).hasSize(4);

        JsonNode grace = find(answer, "q1").path("data").path("message_thread");
        assertThat(grace.path("thread_key").path("other_user_id").asString()).isEqualTo(GRACE);
        assertThat(find(answer, "q2").path("data").path("message_thread").isNull()).as("no thread with mallory").isTrue();
    }

    @Test
    void messagesPageBackwardsNewestLastWithAnInclusiveBefore() {
        List<String> seen = new ArrayList<>();
        Long before = null;
        List<Integer> sizes = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            JsonNode thread = messages(GRACE, 100, before).path("data").path("message_thread");
            JsonNode nodes = thread.path("messages").path("nodes");
            sizes.add(nodes.size());
            for (int i = nodes.size() - 1; i >= 0; i--) {
                String id = nodes.get(i).path("message_id").asString();
                if (!seen.contains(id)) {
                    seen.add(id);
                }
            }
            if (!thread.path("messages").path("page_info").path("has_previous_page").asBoolean()) {
                break;
            }
            before = Long.parseLong(nodes.get(0).path("timestamp_precise").asString());
        }

        assertThat(sizes).containsExactly(100, 100, 52);
        assertThat(seen).hasSize(250).startsWith("mid.$seed-200000000000011-0250").endsWith("mid.$seed-200000000000011-0001");
    }

    @Test
    void messagesCarryUnreadStateAndReadReceipts() {
        JsonNode thread = messages(GRACE, 4, null).path("data").path("message_thread");
        JsonNode nodes = thread.path("messages").path("nodes");

        assertThat(nodes.findValuesAsString("message_id")).containsExactly("mid.$seed-200000000000011-0247",
                "mid.$seed-200000000000011-0248", "mid.$seed-200000000000011-0249", "mid.$seed-200000000000011-0250");
        assertThat(nodes.get(0).path("unread").asBoolean()).isFalse();
        assertThat(nodes.get(1).path("message_sender").path("id").asString()).isEqualTo(BOT);
        assertThat(nodes.get(2).path("unread").asBoolean()).isTrue();
        assertThat(nodes.get(3).path("unread").asBoolean()).isTrue();
        assertThat(nodes.get(3).path("message").path("text").asString())
            .isEqualTo("I found a great pizza place downtown (#250)");
        assertThat(nodes.get(3).path("timestamp_precise").asString()).isEqualTo(Long.toString(T0 + 249 * 10 * MINUTE));
        assertThat(nodes.get(3).path("tags_list").toString()).contains("inbox");
        JsonNode receipts = thread.path("read_receipts").path("nodes");
        assertThat(receipts).hasSize(2);
        assertThat(receipts.get(0).path("actor").path("id").asString()).isEqualTo(BOT);
        assertThat(receipts.get(0).path("watermark").asString()).isEqualTo(Long.toString(T0 + 247 * 10 * MINUTE));
        assertThat(receipts.get(1).path("watermark").asString()).isEqualTo(Long.toString(T0 + 249 * 10 * MINUTE));
    }

    @Test
    void groupMessagesCarryMentionsRepliesReactionsStickersAndFiles() {
        JsonNode nodes = messages(BAND, 100, null).path("data").path("message_thread").path("messages").path("nodes");
        assertThat(nodes).hasSize(25);

        JsonNode photos = nodes.get(0).path("blob_attachments");
        assertThat(photos).hasSize(4);
        assertThat(photos.get(0).path("__typename").asString()).isEqualTo("MessageImage");
        assertThat(photos.get(0).path("legacy_attachment_id").asString()).isEqualTo("500000000000001");
        assertThat(photos.get(0).path("original_dimensions").path("x").asInt()).isEqualTo(1600);
        assertThat(photos.get(0).path("original_extension").asString()).isEqualTo("jpg");
        assertThat(photos.get(0).path("preview").path("uri").asString()).startsWith("https://cdn.fbchat.local/");
        JsonNode video = nodes.get(1).path("blob_attachments").path(0);
        assertThat(video.path("__typename").asString()).isEqualTo("MessageVideo");
        assertThat(video.path("playable_duration_in_ms").asLong()).isEqualTo(95_000);
        assertThat(nodes.get(2).path("message").isNull()).as("a picture alone has no text").isTrue();

        JsonNode mention = nodes.get(3).path("message").path("ranges").path(0);
        assertThat(mention.path("offset").asInt()).isZero();
        assertThat(mention.path("length").asInt()).isEqualTo(14);
        assertThat(mention.path("entity").path("id").asString()).isEqualTo(ALICE);

        JsonNode reply = nodes.get(4);
        assertThat(reply.path("replied_to_message").path("message").path("message_id").asString())
            .isEqualTo(nodes.get(3).path("message_id").asString());
        assertThat(reply.path("message_reactions").findValuesAsString("reaction")).containsExactly("❤", "👍");
        assertThat(reply.path("message_reactions").path(0).path("user").path("id").asString()).isEqualTo(BOT);

        assertThat(nodes.get(5).path("sticker").path("id").asString()).isEqualTo("369239263222822");
        assertThat(nodes.get(6).path("tags_list").toString()).contains("hot_emoji_size:large");
        JsonNode file = nodes.get(7).path("blob_attachments").path(0);
        assertThat(file.path("__typename").asString()).isEqualTo("MessageFile");
        assertThat(file.path("filename").asString()).isEqualTo("setlist.pdf");
        assertThat(file.path("message_file_fbid").asString()).isEqualTo("500000000000007");
        assertThat(nodes.get(8).path("blob_attachments").path(0).path("__typename").asString()).isEqualTo("MessageAudio");
        assertThat(nodes.get(9).path("tags_list").toString()).contains("source:chat:forward");
        assertThat(nodes.get(22).path("blob_attachments").path(0).path("__typename").asString())
            .isEqualTo("MessageAnimatedImage");
        assertThat(nodes.get(3).path("tags_list").toString()).contains("\"sent\"");
    }

    @Test
    void sharedMediaPagesNewestFirstByCursor() {
        JsonNode first = sharedMedia(BAND, 12, null);
        JsonNode media = first.path("data").path(BAND).path("message_shared_media");
        assertThat(media.path("edges")).hasSize(12);
        assertThat(media.path("edges").path(0).path("node").path("legacy_attachment_id").asString())
            .isEqualTo("500000000000020");
        assertThat(media.path("edges").path(6).path("node").path("__typename").asString()).isEqualTo("MessageVideo");
        JsonNode image = media.path("edges").path(0).path("node");
        assertThat(image.path("__typename").asString()).isEqualTo("MessageImage");
        assertThat(image.path("image").path("uri").asString()).isNotEmpty();
        assertThat(image.path("image1").path("width").asInt()).isEqualTo(960);
        assertThat(image.path("image2").path("uri").asString()).isNotEmpty();
        assertThat(image.path("original_dimensions").path("y").asInt()).isEqualTo(768);
        assertThat(media.path("page_info").path("has_next_page").asBoolean()).isTrue();

        JsonNode second = sharedMedia(BAND, 12, media.path("page_info").path("end_cursor").asString())
            .path("data").path(BAND).path("message_shared_media");
        assertThat(second.path("edges").findValuesAsString("legacy_attachment_id")).containsExactly("500000000000006",
                "500000000000005", "500000000000004", "500000000000003", "500000000000002", "500000000000001");
        assertThat(second.path("page_info").path("has_next_page").asBoolean()).isFalse();

        JsonNode third = sharedMedia(BAND, 12, second.path("page_info").path("end_cursor").asString())
            .path("data").path(BAND).path("message_shared_media");
        assertThat(third.path("edges")).isEmpty();
        assertThat(third.path("page_info").path("end_cursor").isNull()).isTrue();

        assertThat(sharedMedia(MALLORY, 12, null).path("data").path(MALLORY).isNull()).isTrue();
        assertThat(sharedMedia(BAND, 12, "bm9wZQ").path("error").path("code").asInt()).isEqualTo(1675002);
    }

    @Test
    void oneMessageByIdOrAGraphqlError() {
        JsonNode found = bot.doc(MESSAGE, Map.of("thread_and_message_id",
                Map.of("thread_id", BAND, "message_id", "mid.$seed-300000000000002-0005")));
        JsonNode message = found.path("data").path("message");
        assertThat(message.path("message").path("text").asString()).isEqualTo("Sure, I will!");
        assertThat(message.path("replied_to_message").path("message").path("message_id").asString())
            .isEqualTo("mid.$seed-300000000000002-0004");

        JsonNode missing = bot.doc(MESSAGE, Map.of("thread_and_message_id",
                Map.of("thread_id", BAND, "message_id", "mid.$nothing")));
        assertThat(missing.path("error").path("code").asInt()).isEqualTo(1357031);
        assertThat(missing.path("error").path("summary").asString()).isEqualTo("This content is no longer available");
        JsonNode stranger = ReadClient.loggedIn(emulator, emulator.accounts().get(3)).doc(MESSAGE, Map.of(
                "thread_and_message_id", Map.of("thread_id", BAND, "message_id", "mid.$seed-300000000000002-0005")));
        assertThat(stranger.path("error").path("code").asInt()).as("carol is not in the band").isEqualTo(1357031);
    }

    @Test
    void graphqlChecksTheSessionAndTheParameters() {
        BrowserClient stranger = new BrowserClient(emulator.baseUrl());
        assertThat(stranger.api("/api/graphqlbatch/", Map.of("queries", "{}")).path("error").asInt()).isEqualTo(1357001);
        ReadClient stale = ReadClient.loggedIn(emulator, emulator.bot());
        stale.browser.fbDtsg = "stale";
        assertThat(stale.browser.api("/api/graphqlbatch/", Map.of("queries", "{}")).path("error").asInt())
            .isEqualTo(1357004);

        JsonNode noId = bot.doc(MESSAGES, map("message_limit", 10));
        assertThat(noId.path("error").path("code").asInt()).isEqualTo(1675002);
        assertThat(noId.path("response").isNull()).isTrue();
    }

    private static Map<String, Object> info(String id) {
        return map("id", id, "message_limit", 0, "load_messages", false, "load_read_receipts", false, "before", null);
    }

    static JsonNode threadList(String folder, int limit, Long before) {
        return bot.doc(THREAD_LIST, map("limit", limit, "tags", List.of(folder), "before", before,
                "includeDeliveryReceipts", true, "includeSeqID", false));
    }

    static JsonNode messages(String id, int limit, Long before) {
        return bot.doc(MESSAGES, map("id", id, "message_limit", limit, "load_messages", true, "load_read_receipts", true,
                "before", before));
    }

    static JsonNode sharedMedia(String id, int first, String after) {
        return bot.queryId(SHARED_MEDIA, map("id", id, "first", first, "after", after));
    }

    static List<JsonNode> nodes(JsonNode threadList) {
        List<JsonNode> nodes = new ArrayList<>();
        threadList.path("data").path("viewer").path("message_threads").path("nodes").forEach(nodes::add);
        return nodes;
    }

    /** Each thread's protocol id: the group's id, or the other person's. */
    static List<String> ids(JsonNode threadList) {
        return nodes(threadList).stream()
            .map(node -> node.path("thread_key").path("thread_fbid").isNull()
                    ? node.path("thread_key").path("other_user_id").asString()
                    : node.path("thread_key").path("thread_fbid").asString())
            .toList();
    }

    private static JsonNode participant(JsonNode thread, String id) {
        for (JsonNode node : thread.path("all_participants").path("nodes")) {
            if (node.path("messaging_actor").path("id").asString().equals(id)) {
                return node.path("messaging_actor");
            }
        }
        throw new AssertionError("no participant " + id);
    }

    private static JsonNode find(List<JsonNode> answer, String key) {
        return answer.stream().filter(part -> part.has(key)).findFirst().orElseThrow().path(key);
    }
}
