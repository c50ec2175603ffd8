package dev.fbchat.emulator;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.fbchat.emulator.driver.EmulatorDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Facebook's HTTP side as the emulator serves it: login, home page, logout, GraphQL and send. */
class HttpEndpointsTests {

    private static final java.util.concurrent.atomic.AtomicLong NEXT_CLIENT_ID =
            new java.util.concurrent.atomic.AtomicLong(6912345678901234567L);


    private MessengerEmulator emulator;

    private Account bot;

    private Account alice;

    @BeforeEach
    void start() {
        this.emulator = MessengerEmulator.start();
        this.bot = this.emulator.bot();
        this.alice = this.emulator.accounts().get(1);
    }

    @AfterEach
    void stop() {
        this.emulator.close();
    }

    @Test
    void loginPageHasTheFormAndAnEmptyToken() {
        HttpResponse<String> page = new BrowserClient(this.emulator.baseUrl()).get("/login/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form id=\"login_form\" action=\"/login/password/\" method=\"post\">")
            .contains("name=\"email\"", "name=\"pass\"", "name=\"lsd\"", "name=\"jazoest\"")
            .contains("\"DTSGInitialData\",[],{\"token\":\"\"}")
            .doesNotContain("The password you entered is incorrect");
    }

    @Test
    void successfulLoginRedirectsHomeWithSessionCookies() {
        BrowserClient browser = new BrowserClient(this.emulator.baseUrl());

        HttpResponse<String> login = browser.postForm("/login/password/",
                Map.of("email", this.bot.email(), "pass", this.bot.password(), "login", "1"));

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValue(this.emulator.baseUrl() + "/");
        assertThat(login.headers().allValues("Set-Cookie")).hasSize(4)
            .allSatisfy(cookie -> assertThat(cookie).contains("Path=/", "Max-Age=31536000")
                .containsIgnoringCase("; HttpOnly")
                .doesNotContainIgnoringCase("Domain="));
        assertThat(browser.cookies).containsKeys("c_user", "xs", "datr", "fr").containsEntry("c_user", this.bot.id());
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).containsPattern("\"DTSGInitData\",\\[\\],\\{\"token\":\"[^\"]+\"")
            .contains("\"client_revision\":1009000000")
            .contains("\"USER_ID\":\"" + this.bot.id() + "\"");
        assertThat(home.body().split("require\\(\"ServerJSDefine\"\\)\\.handleDefines\\(")).hasSize(3);
        assertThat(browser.get("/login/").headers().firstValue("Location")).hasValue(this.emulator.baseUrl() + "/");
        assertThat(new EmulatorDriver(this.emulator.baseUrl()).stats().logins()).isEqualTo(1);
    }

    @Test
    void wrongPasswordShowsFacebooksErrorBox() {
        HttpResponse<String> page = new BrowserClient(this.emulator.baseUrl()).postForm("/login/password/",
                Map.of("email", this.bot.email(), "pass", "wrong"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(page.body()).contains("<form id=\"login_form\" action=\"/login/password/\" method=\"post\">"
                + "<div class=\"_3403 _3404\"><div>Type your password again</div>"
                + "<div>The password you entered is incorrect. <a href=\"/login/identify/\">Did you forget your password?</a>");
        EmulatorDriver.Stats stats = new EmulatorDriver(this.emulator.baseUrl()).stats();
        assertThat(stats.logins()).isZero();
        assertThat(stats.failedLogins()).isEqualTo(1);
    }

    @Test
    void unknownEmailIsReportedAsWrongCredentials() {
        HttpResponse<String> page = new BrowserClient(this.emulator.baseUrl()).postForm("/login/password/",
                Map.of("email", "nobody@fbchat.local", "pass", "x"));

        assertThat(page.body()).contains("<div>Wrong credentials</div><div>Invalid username or password. ");
    }

    @Test
    void homePageRedirectsToLoginWithoutASession() {
        BrowserClient browser = new BrowserClient(this.emulator.baseUrl());
        browser.cookies.put("c_user", this.bot.id());
        browser.cookies.put("xs", "forged");

        HttpResponse<String> home = browser.get("/");

        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValue(this.emulator.baseUrl() + "/login/");
    }

    @Test
    void logoutEndsTheSessionOnlyWithTheRightToken() {
        BrowserClient browser = BrowserClient.loggedIn(this.emulator, this.bot);
        BrowserClient copy = new BrowserClient(this.emulator.baseUrl());
        copy.cookies.putAll(browser.cookies);

        assertThat(browser.postForm("/logout/", Map.of("fb_dtsg", "wrong")).statusCode()).isEqualTo(200);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.postForm("/logout/", Map.of("fb_dtsg", browser.fbDtsg));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValue(this.emulator.baseUrl() + "/login/");
        assertThat(browser.cookies).doesNotContainKeys("c_user", "xs");
        assertThat(copy.get("/").statusCode()).as("the old cookies no longer work").isEqualTo(302);
    }

    @Test
    void apiCallsNeedASessionAndItsToken() {
        BrowserClient stranger = new BrowserClient(this.emulator.baseUrl());
        assertThat(stranger.api("/api/graphqlbatch/", Map.of()).path("error").asInt()).isEqualTo(1357001);

        BrowserClient browser = BrowserClient.loggedIn(this.emulator, this.bot);
        browser.fbDtsg = "stale";
        JsonNode error = browser.api("/messaging/send/", Map.of("body", "hi"));
        assertThat(error.path("error").asInt()).isEqualTo(1357004);
        assertThat(error.path("errorSummary").asString()).isEqualTo("Sorry, something went wrong");
    }

    @Test
    void anExpiredTokenIsRefusedUntilTheHomePageGivesTheNewOne() {
        BrowserClient browser = BrowserClient.loggedIn(this.emulator, this.bot);
        String expired = browser.fbDtsg;

        assertThat(new EmulatorDriver(this.emulator.baseUrl()).expireFbDtsg(this.bot.id())).isPositive();

        assertThat(browser.api("/chat/user_info_all", Map.of("viewer", this.bot.id())).path("error").asInt())
            .isEqualTo(1357004);
        BrowserClient reloaded = BrowserClient.loggedIn(this.emulator, this.bot);
        browser.fbDtsg = browser.homeFbDtsg();
        assertThat(browser.fbDtsg).isNotEqualTo(expired);
        assertThat(browser.api("/chat/user_info_all", Map.of("viewer", this.bot.id())).has("payload")).isTrue();
        assertThat(reloaded.api("/chat/user_info_all", Map.of("viewer", this.bot.id())).has("payload")).isTrue();
    }

    @Test
    void sequenceIdQueryFollowsTheAccountsDeltaLog() {
        BrowserClient browser = BrowserClient.loggedIn(this.emulator, this.bot);
        assertThat(sequenceId(browser)).isEqualTo("1000");

        new EmulatorDriver(this.emulator.baseUrl()).send("200000000000002", this.alice.id(), "one");
        new EmulatorDriver(this.emulator.baseUrl()).send("300000000000001", this.alice.id(), "two");

        assertThat(sequenceId(browser)).isEqualTo("1002");
        assertThat(sequenceId(BrowserClient.loggedIn(this.emulator, this.emulator.accounts().get(2))))
            .as("bob saw only the group message").isEqualTo("1001");
    }

    @Test
    void graphqlBatchAnswersUnknownDocumentsAndMalformedQueries() {
        BrowserClient browser = BrowserClient.loggedIn(this.emulator, this.bot);

        String body = browser.postForm("/api/graphqlbatch/", Map.of("method", "GET", "response_format", "json",
                "queries", "{\"q0\":{\"doc_id\":\"42\",\"query_params\":{}}}", "fb_dtsg", browser.fbDtsg))
            .body();
        String[] parts = body.split("\r\n");
        assertThat(parts).hasSize(2);
        JsonNode error = BrowserClient.JSON.readTree(parts[0]).path("q0").path("error");
        assertThat(error.path("code").asInt()).isEqualTo(1675001);
        assertThat(error.path("debug_info").asString()).isEqualTo("Unknown doc_id 42");
        assertThat(BrowserClient.JSON.readTree(parts[1]).path("successful_results").asInt()).isEqualTo(1);

        JsonNode malformed = browser.api("/api/graphqlbatch/", Map.of("queries", "{not json"));
        assertThat(malformed.path("error").asInt()).isEqualTo(1357031);
    }

    @Test
    void sendStoresTheMessageInTheRightThread() {
        BrowserClient browser = BrowserClient.loggedIn(this.emulator, this.bot);
        EmulatorDriver driver = new EmulatorDriver(this.emulator.baseUrl());

        JsonNode toAlice = browser.api("/messaging/send/", sendForm("hi alice", "other_user_fbid", this.alice.id()));
        JsonNode toGroup = browser.api("/messaging/send/", sendForm("hi all", "thread_fbid", "300000000000001"));

        JsonNode aliceAction = toAlice.path("payload").path("actions").path(0);
        assertThat(aliceAction.path("message_id").asString()).startsWith("mid.$");
        assertThat(aliceAction.path("thread_fbid").isNull()).isTrue();
        assertThat(toGroup.path("payload").path("actions").path(0).path("thread_fbid").asString()).isEqualTo("300000000000001");
        List<EmulatorDriver.DriverMessage> messages = driver.messages("200000000000002");
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.id()).isEqualTo(aliceAction.path("message_id").asString());
            assertThat(message.authorId()).isEqualTo(this.bot.id());
            assertThat(message.text()).isEqualTo("hi alice");
        });
        assertThat(driver.messages("300000000000001")).extracting(EmulatorDriver.DriverMessage::text).containsExactly("hi all");
    }

    @Test
    void invalidSendsAreRefused() {
        BrowserClient browser = BrowserClient.loggedIn(this.emulator, this.bot);
        Map<String, String> forged = sendForm("hi", "other_user_fbid", this.alice.id());
        forged.put("author", "fbid:" + this.alice.id());

        assertThat(browser.api("/messaging/send/", forged).path("error").asInt()).isEqualTo(1545003);
        assertThat(browser.api("/messaging/send/", sendForm("", "other_user_fbid", this.alice.id())).path("error").asInt())
            .isEqualTo(1545003);
        assertThat(browser.api("/messaging/send/", sendForm("hi", "thread_fbid", "399999999999999")).path("error").asInt())
            .isEqualTo(1545003);
        assertThat(browser.api("/messaging/send/", sendForm("hi", "other_user_fbid", "123")).path("error").asInt())
            .isEqualTo(1545003);
        assertThat(new EmulatorDriver(this.emulator.baseUrl()).messages("200000000000002")).isEmpty();
    }

    @Test
    void unknownPathsAreNotFoundAndCounted() {
        BrowserClient browser = new BrowserClient(this.emulator.baseUrl());

        assertThat(browser.get("/nowhere?x=1").statusCode()).isEqualTo(404);
        assertThat(browser.get("/nowhere").statusCode()).isEqualTo(404);

        assertThat(new EmulatorDriver(this.emulator.baseUrl()).stats().requests("/nowhere")).isEqualTo(2);
    }

    private Map<String, String> sendForm(String body, String targetField, String target) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("client", "mercury");
        form.put("author", "fbid:" + this.bot.id());
        form.put("timestamp", Long.toString(System.currentTimeMillis()));
        form.put("source", "source:chat:web");
        // each send its own client id: a repeated one is, as on Facebook, the message already sent
        form.put("offline_threading_id", Long.toString(NEXT_CLIENT_ID.getAndIncrement()));
        form.put("message_id", "6912345678901234567");
        form.put("action_type", "ma-type:user-generated-message");
        form.put("body", body);
        form.put(targetField, target);
        return form;
    }

    private static String sequenceId(BrowserClient browser) {
        String body = browser.postForm("/api/graphqlbatch/", Map.of("method", "GET", "response_format", "json", "queries",
                "{\"q0\":{\"doc_id\":\"1349387578499440\",\"query_params\":{\"limit\":1,\"tags\":[\"INBOX\"],"
                        + "\"before\":null,\"includeDeliveryReceipts\":false,\"includeSeqID\":true}}}",
                "fb_dtsg", browser.fbDtsg))
            .body();
        return BrowserClient.JSON.readTree(body.split("\r\n")[0])
            .path("q0").path("data").path("viewer").path("message_threads").path("sync_sequence_id").asString();
    }
}
