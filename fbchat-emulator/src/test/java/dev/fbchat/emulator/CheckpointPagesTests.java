package dev.fbchat.emulator;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.emulator.world.TotpVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login checkpoint of the two-factor, review and locked accounts, walked with a plain
 * browser: the redirects, the forms and their field names, the codes, the login token.
 */
class CheckpointPagesTests {

    private static final Pattern FORM = Pattern.compile("<form action=\"([^\"]*)\"");

    private static final Pattern CONTROL = Pattern.compile("<(input|button)\\b([^>]*)>");

    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_-]+)(?:=\"([^\"]*)\")?");

    private MessengerEmulator emulator;

    private EmulatorDriver driver;

    private String origin;

    @BeforeEach
    void start() {
        this.emulator = MessengerEmulator.start();
        this.driver = new EmulatorDriver(this.emulator.baseUrl());
        this.origin = this.emulator.baseUrl().toString();
    }

    @AfterEach
    void stop() {
        this.emulator.close();
    }

    @Test
    void seededCheckpointAccountsAreListed() {
        assertThat(this.emulator.accounts()).extracting(Account::email)
            .contains("dave@fbchat.local", "erin@fbchat.local", "frank@fbchat.local");
        assertThat(account("dave").checkpoint()).isEqualTo(Account.Checkpoint.TWO_FACTOR);
        assertThat(account("dave").twoFactorSecret()).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(account("erin").checkpoint()).isEqualTo(Account.Checkpoint.TWO_FACTOR_AND_REVIEW);
        assertThat(account("frank").checkpoint()).isEqualTo(Account.Checkpoint.LOCKED);
        assertThat(account("dave").toString()).doesNotContain("JBSWY3DPEHPK3PXP", "dave-password");
    }

    @Test
    void theRightPasswordOfATwoFactorAccountLeadsToTheCheckpointNotToASession() {
        BrowserClient browser = new BrowserClient(this.emulator.baseUrl());
        Account dave = account("dave");

        HttpResponse<String> login = browser.postForm("/login/password/", Map.of("email", dave.email(), "pass", dave.password()));

        assertThat(login.statusCode()).isEqualTo(302);
        String location = login.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(this.origin + "/checkpoint/?next=");
        String next = queryParameter(location, "next");
        assertThat(next).startsWith(this.origin + "/checkpoint/start/?");
        assertThat(browser.cookies).doesNotContainKeys("c_user", "xs");
        assertThat(this.driver.stats().checkpoints()).isEqualTo(1);
        assertThat(this.driver.stats().logins()).isZero();

        // Messenger's checkpoint URL forwards a browser to the start URL, which sets the checkpoint cookie.
        assertThat(browser.get(location).headers().firstValue("Location")).hasValue(next);
        HttpResponse<String> start = browser.get(next);
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location")).hasValue(this.origin + "/checkpoint/?next="
                + java.net.URLEncoder.encode(this.origin + "/", StandardCharsets.UTF_8));
        assertThat(browser.cookies).containsKey("checkpoint");

        // A wrong password of the same account is an ordinary failed login.
        HttpResponse<String> wrong = new BrowserClient(this.emulator.baseUrl()).postForm("/login/password/",
                Map.of("email", dave.email(), "pass", "wrong"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(this.driver.stats().failedLogins()).isEqualTo(1);
    }

    @Test
    void twoFactorCodeThenSaveBrowserGivesTheLoginToken() {
        BrowserClient browser = new BrowserClient(this.emulator.baseUrl());
        Account dave = account("dave");
        HttpResponse<String> page = openCheckpoint(browser, dave);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(formAction(page.body())).isEqualTo("/checkpoint/?next="
                + java.net.URLEncoder.encode(this.origin + "/", StandardCharsets.UTF_8));
        Map<String, String> form = fields(page.body());
        assertThat(form).containsOnlyKeys("jazoest", "fb_dtsg", "submit[Continue]", "nh", "no_fido", "approvals_code")
            .containsEntry("submit[Continue]", "Continue")
            .containsEntry("nh", browser.cookies.get("checkpoint"));
        assertThat(form.get("approvals_code")).isNull();
        assertThat(form.get("jazoest")).isEqualTo("2" + form.get("fb_dtsg").chars().sum());
        assertThat(page.body()).doesNotContain("doesn't match");

        form.put("approvals_code", "000000".equals(code(dave)) ? "111111" : "000000");
        HttpResponse<String> wrong = browser.postForm("/checkpoint/?next=x", nonNull(form));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(fields(wrong.body())).containsKey("approvals_code");
        assertThat(wrong.body()).contains("The login code you entered doesn't match the one sent to your phone.");
        assertThat(this.driver.stats().failedTwoFactorCodes()).isEqualTo(1);

        form.put("approvals_code", code(dave));
        HttpResponse<String> save = browser.postForm("/checkpoint/?next=x", nonNull(form));
        assertThat(save.statusCode()).isEqualTo(200);
        Map<String, String> saveForm = fields(save.body());
        assertThat(saveForm).containsKeys("fb_dtsg", "nh", "jazoest", "name_action_selected")
            .doesNotContainKey("approvals_code");
        assertThat(save.body()).contains("value=\"save_device\"", "value=\"dont_save\"");

        saveForm.put("name_action_selected", "save_device");
        HttpResponse<String> token = browser.postForm("/checkpoint/", nonNull(saveForm));
        assertThat(token.statusCode()).isEqualTo(302);
        String authToken = token.headers().firstValue("Location").orElseThrow();
        assertThat(authToken).startsWith(this.origin + "/login/auth_token/?");

        HttpResponse<String> session = browser.get(authToken);
        assertThat(session.statusCode()).isEqualTo(302);
        assertThat(session.headers().firstValue("Location")).hasValue(this.origin + "/");
        assertThat(browser.cookies).containsEntry("c_user", dave.id()).containsKeys("xs", "datr", "fr")
            .doesNotContainKey("checkpoint");
        assertThat(browser.get("/").body()).contains("\"USER_ID\":\"" + dave.id() + "\"");
        assertThat(this.driver.stats().logins()).isEqualTo(1);

        // The login token is used up.
        HttpResponse<String> again = new BrowserClient(this.emulator.baseUrl()).get(authToken);
        assertThat(again.headers().firstValue("Location")).hasValue(this.origin + "/login/");
        assertThat(this.driver.stats().logins()).isEqualTo(1);
    }

    @Test
    void theReviewAccountConfirmsTheLoginAndSavesTheDeviceAgain() {
        BrowserClient browser = new BrowserClient(this.emulator.baseUrl());
        Account erin = account("erin");
        Map<String, String> form = fields(openCheckpoint(browser, erin).body());
        form.put("approvals_code", code(erin));
        form = fields(browser.postForm("/checkpoint/", nonNull(form)).body());
        form.put("name_action_selected", "save_device");

        HttpResponse<String> intro = browser.postForm("/checkpoint/", nonNull(form));
        assertThat(intro.statusCode()).isEqualTo(200);
        assertThat(intro.body()).contains("Review recent login");
        Map<String, String> introForm = fields(intro.body());
        assertThat(introForm).containsOnlyKeys("jazoest", "fb_dtsg", "submit[Continue]", "nh");

        HttpResponse<String> review = browser.postForm("/checkpoint/", nonNull(introForm));
        Map<String, String> reviewForm = fields(review.body());
        assertThat(reviewForm).containsEntry("submit[This was me]", "This was me")
            .containsEntry("submit[This wasn't me]", "This wasn't me");

        reviewForm.put("submit[This was me]", "[any value]");
        reviewForm.remove("submit[This wasn't me]");
        Map<String, String> saveForm = fields(browser.postForm("/checkpoint/", nonNull(reviewForm)).body());
        assertThat(saveForm).containsKey("name_action_selected");

        saveForm.put("name_action_selected", "save_device");
        HttpResponse<String> token = browser.postForm("/checkpoint/", nonNull(saveForm));
        assertThat(token.headers().firstValue("Location").orElseThrow()).startsWith(this.origin + "/login/auth_token/");
        browser.get(token.headers().firstValue("Location").orElseThrow());
        assertThat(browser.cookies).containsEntry("c_user", erin.id());
    }

    @Test
    void thisWasntMeEndsTheCheckpoint() {
        BrowserClient browser = new BrowserClient(this.emulator.baseUrl());
        Account erin = account("erin");
        Map<String, String> form = fields(openCheckpoint(browser, erin).body());
        form.put("approvals_code", code(erin));
        form = fields(browser.postForm("/checkpoint/", nonNull(form)).body());
        form.put("name_action_selected", "dont_save");
        form = fields(browser.postForm("/checkpoint/", nonNull(form)).body());
        Map<String, String> review = fields(browser.postForm("/checkpoint/", nonNull(form)).body());

        HttpResponse<String> cancelled = browser.postForm("/checkpoint/", nonNull(review));

        assertThat(cancelled.body()).contains("Secure your account").doesNotContain("<form");
        assertThat(browser.get("/checkpoint/").headers().firstValue("Location")).hasValue(this.origin + "/login/");
    }

    @Test
    void theLockedAccountEndsAtTheVerificationForm() {
        BrowserClient browser = new BrowserClient(this.emulator.baseUrl());
        HttpResponse<String> intro = openCheckpoint(browser, account("frank"));

        assertThat(intro.body()).contains("Your account has been locked");
        Map<String, String> introForm = fields(intro.body());
        assertThat(introForm).containsOnlyKeys("jazoest", "fb_dtsg", "submit[Continue]", "nh");

        HttpResponse<String> locked = browser.postForm("/checkpoint/", nonNull(introForm));
        Map<String, String> lockedForm = fields(locked.body());
        assertThat(lockedForm).containsKey("verification_method").doesNotContainKey("approvals_code");

        HttpResponse<String> stillLocked = browser.postForm("/checkpoint/", nonNull(lockedForm));
        assertThat(fields(stillLocked.body())).containsKey("verification_method");
        assertThat(browser.cookies).doesNotContainKey("c_user");
        assertThat(this.driver.stats().logins()).isZero();
    }

    @Test
    void postsWithoutTheCheckpointOrWithOtherTokensAreRefused() {
        BrowserClient browser = new BrowserClient(this.emulator.baseUrl());
        Account dave = account("dave");
        Map<String, String> form = fields(openCheckpoint(browser, dave).body());
        form.put("approvals_code", code(dave));

        Map<String, String> forged = new LinkedHashMap<>(nonNull(form));
        forged.put("fb_dtsg", "forged");
        HttpResponse<String> refused = browser.postForm("/checkpoint/", forged);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Sorry, something went wrong").doesNotContain("<form");

        HttpResponse<String> stranger = new BrowserClient(this.emulator.baseUrl()).postForm("/checkpoint/", nonNull(form));
        assertThat(stranger.headers().firstValue("Location")).hasValue(this.origin + "/login/");

        assertThat(fields(browser.postForm("/checkpoint/", nonNull(form)).body())).containsKey("name_action_selected");
        assertThat(new BrowserClient(this.emulator.baseUrl()).get("/checkpoint/start/?nh=unknown").headers()
            .firstValue("Location")).hasValue(this.origin + "/login/");
    }

    @Test
    void theDriverListsCheckpointRequestsWithTheirFields() {
        BrowserClient browser = new BrowserClient(this.emulator.baseUrl());
        browser.cookies.put("act", "1700000000000/0");
        Account dave = account("dave");
        Map<String, String> form = fields(openCheckpoint(browser, dave).body());
        form.put("approvals_code", "123");
        browser.postForm("/checkpoint/", nonNull(form));

        List<EmulatorDriver.CheckpointRequest> requests = this.driver.checkpointRequests();

        assertThat(requests).extracting(EmulatorDriver.CheckpointRequest::method, EmulatorDriver.CheckpointRequest::path)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "/checkpoint/start/"),
                    org.assertj.core.groups.Tuple.tuple("GET", "/checkpoint/"),
                    org.assertj.core.groups.Tuple.tuple("POST", "/checkpoint/"));
        EmulatorDriver.CheckpointRequest post = requests.get(2);
        assertThat(post.step()).isEqualTo("CODE");
        assertThat(post.fields()).containsEntry("approvals_code", "123").containsEntry("submit[Continue]", "Continue");
        assertThat(post.cookies()).contains("act", "checkpoint");
        assertThat(post.act()).isEqualTo("1700000000000/0");
    }

    /** Logs in with the right password and follows the redirects to the first checkpoint page. */
    private HttpResponse<String> openCheckpoint(BrowserClient browser, Account account) {
        HttpResponse<String> login = browser.postForm("/login/password/",
                Map.of("email", account.email(), "pass", account.password()));
        String next = queryParameter(login.headers().firstValue("Location").orElseThrow(), "next");
        String page = browser.get(next).headers().firstValue("Location").orElseThrow();
        return browser.get(page);
    }

    private Account account(String firstName) {
        return this.emulator.accounts()
            .stream()
            .filter(a -> a.email().startsWith(firstName + "@"))
            .findFirst()
            .orElseThrow();
    }

    private static String code(Account account) {
        return TotpVerifier.code(account.twoFactorSecret(), Instant.now());
    }

    private static String formAction(String html) {
        Matcher form = FORM.matcher(html);
        assertThat(form.find()).as("a form").isTrue();
        return form.group(1).replace("&amp;", "&");
    }

    /** The inputs and buttons of the page's form by name; a control without value maps to null. */
    private static Map<String, String> fields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher control = CONTROL.matcher(html);
        while (control.find()) {
            String name = null;
            String value = null;
            Matcher attribute = ATTRIBUTE.matcher(control.group(2));
            while (attribute.find()) {
                if (attribute.group(1).equals("name")) {
                    name = attribute.group(2);
                }
                else if (attribute.group(1).equals("value")) {
                    value = attribute.group(2);
                }
            }
            assertThat(name).as("every control has a name: " + control.group()).isNotNull();
            fields.put(name.replace("&#39;", "'"), value);
        }
        return fields;
    }

    /** The fields as a browser posts them: a control without value sends an empty one. */
    private static Map<String, String> nonNull(Map<String, String> fields) {
        Map<String, String> posted = new LinkedHashMap<>();
        fields.forEach((name, value) -> posted.put(name, value == null ? "" : value));
        return posted;
    }

    private static String queryParameter(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            if (nameValue[0].equals(name)) {
                return URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + url);
    }
}
