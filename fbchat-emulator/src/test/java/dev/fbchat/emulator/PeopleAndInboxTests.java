package dev.fbchat.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.fbchat.emulator.driver.EmulatorDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payload endpoints of the read side: people ({@code /chat/user_info_all},
 * {@code /chat/user_info/}, phones and emails), unread and unseen threads, the full-size image,
 * poll options and plans.
 */
class PeopleAndInboxTests {

    private static final String BOT = "100000000000001";

    private static final String ALICE = "100000000000002";

    private static final String GRACE = "100000000000011";

    private static final String HEIDI = "100000000000012";

    private static final String PASTA_PARADISE = "110000000000001";

    private static MessengerEmulator emulator;

    private static ReadClient bot;

    private static ReadClient carol;

    @BeforeAll
    static void start() {
        emulator = MessengerEmulator.start();
        bot = ReadClient.loggedIn(emulator, emulator.bot());
        carol = ReadClient.loggedIn(emulator, emulator.accounts().get(3));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void everyoneTheViewerChatsWithOrIsFriendsWith() {
        JsonNode users = bot.payload("/chat/user_info_all", Map.of("viewer", BOT));

        List<String> ids = new ArrayList<>();
        users.properties().forEach(entry -> ids.add(entry.getKey()));
        assertThat(ids).containsExactly(ALICE, "100000000000003", "100000000000004", GRACE, HEIDI, "100000000000013",
                "100000000000014", "100000000000015");
        JsonNode alice = users.path(ALICE);
        assertThat(alice.path("id").asString()).isEqualTo(ALICE);
        assertThat(alice.path("name").asString()).isEqualTo("Alice Liddell");
        assertThat(alice.path("firstName").asString()).isEqualTo("Alice");
        assertThat(alice.path("type").asString()).isEqualTo("friend");
        assertThat(alice.path("is_friend").asBoolean()).isTrue();
        assertThat(alice.path("gender").asInt()).as("female").isEqualTo(1);
        assertThat(alice.path("uri").asString()).isEqualTo("https://www.facebook.com/alice.liddell");
        assertThat(alice.path("thumbSrc").asString()).isNotEmpty();
        JsonNode heidi = users.path(HEIDI);
        assertThat(heidi.path("type").asString()).isEqualTo("user");
        assertThat(heidi.path("uri").isNull()).as("Messenger-only").isTrue();
    }

    @Test
    void profilesByIdForPeopleAndPagesWithoutTheUnknown() {
        JsonNode profiles = bot.payload("/chat/user_info/", Map.of("ids[0]", GRACE, "ids[1]", PASTA_PARADISE,
                "ids[2]", "999")).path("profiles");

        assertThat(profiles.size()).isEqualTo(2);
        assertThat(profiles.path(GRACE).path("type").asString()).isEqualTo("friend");
        assertThat(profiles.path(GRACE).path("firstName").asString()).isEqualTo("Grace");
        JsonNode page = profiles.path(PASTA_PARADISE);
        assertThat(page.path("type").asString()).isEqualTo("page");
        assertThat(page.path("name").asString()).isEqualTo("Pasta Paradise");
        assertThat(page.path("uri").asString()).isEqualTo("https://www.facebook.com/pastaparadise/");
        assertThat(page.has("firstName")).isFalse();
    }

    @Test
    void theViewersOwnPhoneNumbersAndEmails() {
        JsonNode viewer = bot.doc("1868889766468115", Map.of()).path("data").path("viewer");

        List<String> phones = new ArrayList<>();
        viewer.path("user").path("all_phones").forEach(phone -> phones.add(phone.path("phone_number")
            .path("universal_number").asString()));
        assertThat(phones).containsExactly("+15551230001", "+15551230002");
        List<String> emails = new ArrayList<>();
        viewer.path("all_emails").forEach(email -> emails.add(email.path("display_email").asString()));
        assertThat(emails).containsExactly("bot@fbchat.local", "echo.bot@example.com");

        JsonNode bob = ReadClient.loggedIn(emulator, emulator.accounts().get(2)).doc("1868889766468115", Map.of());
        assertThat(bob.path("data").path("viewer").path("user").path("all_phones")).isEmpty();
        assertThat(bob.path("data").path("viewer").path("all_emails").path(0).path("display_email").asString())
            .isEqualTo("bob@fbchat.local");
    }

    @Test
    void unreadThreadsByFolderAndUnseenThreads() {
        JsonNode inbox = bot.payload("/ajax/mercury/unread_threads.php", Map.of("folders[0]", "inbox", "client",
                "mercury", "last_action_timestamp", "1700000000000")).path("unread_thread_fbids");
        assertThat(inbox).hasSize(1);
        assertThat(ids(inbox.get(0).path("thread_fbids"))).containsExactly("300000000000004");
        assertThat(ids(inbox.get(0).path("other_user_fbids"))).containsExactly(GRACE);
        assertThat(inbox.get(0).path("folder").asString()).isEqualTo("inbox");

        JsonNode pending = bot.payload("/ajax/mercury/unread_threads.php", Map.of("folders[0]", "pending"))
            .path("unread_thread_fbids").path(0);
        assertThat(ids(pending.path("other_user_fbids"))).containsExactly(HEIDI);

        JsonNode unseen = bot.payload("/mercury/unseen_thread_ids/", Map.of()).path("unseen_thread_fbids").path(0);
        assertThat(ids(unseen.path("thread_fbids"))).containsExactly("300000000000004");
        assertThat(unseen.path("other_user_fbids")).isEmpty();
    }

    @Test
    void theFullSizeImageIsAServerRedirect() {
        JsonNode answer = bot.post("/mercury/attachments/photo/", Map.of("photo_id", "500000000000003"));

        JsonNode redirect = answer.path("jsmods").path("require").path(0);
        assertThat(redirect.path(0).asString()).isEqualTo("ServerRedirect");
        assertThat(redirect.path(1).asString()).isEqualTo("redirectPageTo");
        assertThat(redirect.path(3).path(0).asString())
            .isEqualTo("https://cdn.fbchat.local/v/500000000000003/rehearsal-3.jpg");
        assertThat(answer.has("error")).isFalse();

        assertThat(bot.post("/mercury/attachments/photo/", Map.of("photo_id", "500000000000007")).path("error").asInt())
            .as("a file is no photo").isEqualTo(1357031);
        assertThat(carol.post("/mercury/attachments/photo/", Map.of("photo_id", "500000000000003")).path("error").asInt())
            .as("carol is not in the band").isEqualTo(1357031);
    }

    @Test
    void pollOptionsMostVotedFirst() {
        JsonNode options = bot.payload("/ajax/mercury/get_poll_options", Map.of("question_id", "600000000000001"));

        assertThat(options).hasSize(3);
        JsonNode saturday = options.get(0);
        assertThat(saturday.path("id").asString()).isEqualTo("600000000000011");
        assertThat(saturday.path("text").asString()).isEqualTo("Saturday");
        assertThat(saturday.path("total_count").asInt()).isEqualTo(3);
        assertThat(saturday.path("viewer_has_voted").asString()).isEqualTo("true");
        assertThat(ids(saturday.path("voters"))).containsExactly(BOT, ALICE, GRACE);
        assertThat(options.get(1).path("viewer_has_voted").asString()).isEqualTo("false");
        assertThat(options.get(2).path("text").asString()).isEqualTo("Friday night");

        assertThat(bot.post("/ajax/mercury/get_poll_options", Map.of("question_id", "1")).path("error").asInt())
            .isEqualTo(1357031);
        assertThat(carol.post("/ajax/mercury/get_poll_options", Map.of("question_id", "600000000000001")).path("error")
            .asInt()).isEqualTo(1357031);
    }

    @Test
    void aPlanWithItsGuests() {
        JsonNode plan = bot.payload("/ajax/eventreminder", Map.of("event_reminder_id", "700000000000001"));

        assertThat(plan.path("oid").asLong()).isEqualTo(700000000000001L);
        assertThat(plan.path("title").asString()).isEqualTo("Gig at The Blue Note");
        assertThat(plan.path("event_time").asLong()).isEqualTo(1_706_904_000L);
        assertThat(plan.path("location_name").asString()).isEqualTo("The Blue Note");
        assertThat(plan.path("location_id").asLong()).isEqualTo(800000000000001L);
        assertThat(plan.path("creator_id").asLong()).isEqualTo(Long.parseLong(GRACE));
        assertThat(plan.path("event_members").path(BOT).asString()).isEqualTo("GOING");
        assertThat(plan.path("event_members").path("100000000000003").asString()).isEqualTo("DECLINED");

        JsonNode studio = bot.payload("/ajax/eventreminder", Map.of("event_reminder_id", "700000000000002"));
        assertThat(studio.path("location_id").asLong()).isZero();
        assertThat(studio.path("message_thread_id").asLong()).isEqualTo(Long.parseLong(GRACE));
        assertThat(carol.post("/ajax/eventreminder", Map.of("event_reminder_id", "700000000000001")).path("error").asInt())
            .isEqualTo(1357031);
    }

    @Test
    void everyReadEndpointChecksTheSession() {
        BrowserClient stranger = new BrowserClient(emulator.baseUrl());
        ReadClient stale = ReadClient.loggedIn(emulator, emulator.bot());
        stale.browser.fbDtsg = "stale";
        for (String path : List.of("/chat/user_info_all", "/chat/user_info/", "/ajax/mercury/unread_threads.php",
                "/mercury/unseen_thread_ids/", "/mercury/attachments/photo/", "/ajax/mercury/get_poll_options",
                "/ajax/eventreminder", "/ajax/mercury/search_snippets.php")) {
            assertThat(stranger.api(path, Map.of()).path("error").asInt()).as(path).isEqualTo(1357001);
            assertThat(stale.post(path, Map.of()).path("error").asInt()).as(path).isEqualTo(1357004);
        }
        assertThat(new EmulatorDriver(emulator.baseUrl()).stats().requests("/chat/user_info_all")).isGreaterThanOrEqualTo(2);
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asString()));
        return ids;
    }
}
