package dev.fbchat.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.fbchat.emulator.driver.EmulatorDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The JSON driver API with which tests play the other people. */
class DriverApiTests {

    private MessengerEmulator emulator;

    private EmulatorDriver driver;

    @BeforeEach
    void start() {
        this.emulator = MessengerEmulator.start();
        this.driver = new EmulatorDriver(this.emulator.baseUrl());
    }

    @AfterEach
    void stop() {
        this.emulator.close();
    }

    @Test
    void listsTheSeededAccountsAndThreads() throws Exception {
        JsonNode accounts = BrowserClient.JSON.readTree(get("/_emulator/accounts").body());
        JsonNode threads = BrowserClient.JSON.readTree(get("/_emulator/threads").body());

        assertThat(accounts).hasSizeGreaterThanOrEqualTo(7);
        assertThat(accounts.findValuesAsString("email")).contains("dave@fbchat.local", "erin@fbchat.local",
                "frank@fbchat.local");
        assertThat(accounts.get(4).path("twoFactorSecret").asString()).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(accounts.get(4).path("checkpoint").asString()).isEqualTo("TWO_FACTOR");
        assertThat(accounts.get(0).path("email").asString()).isEqualTo("bot@fbchat.local");
        assertThat(accounts.get(1).path("id").asString()).isEqualTo("100000000000002");
        assertThat(accounts.get(1).path("password").asString()).isEqualTo("alice-password");
        assertThat(threads).as("the four original threads first, then the nine of the seeded history").hasSize(13);
        assertThat(threads.get(0).path("id").asString()).isEqualTo("200000000000002");
        assertThat(threads.get(0).path("type").asString()).isEqualTo("USER");
        assertThat(threads.get(3).path("name").asString()).isEqualTo("Everyone");
        assertThat(threads.get(3).path("participants")).hasSize(4);
    }

    @Test
    void postedMessagesAreListedNewestLast() {
        EmulatorDriver.DriverMessage first = this.driver.send("300000000000001", "100000000000003", "first");
        EmulatorDriver.DriverMessage second = this.driver.send("300000000000001", "100000000000004", "second");

        assertThat(first.id()).startsWith("mid.$");
        assertThat(this.driver.messages("300000000000001")).containsExactly(first, second);
        assertThat(second.timestamp()).isGreaterThanOrEqualTo(first.timestamp());
    }

    @Test
    void refusesUnknownThreadsStrangersAndEmptyText() throws Exception {
        assertThat(post("/_emulator/threads/999/messages", "{\"from\":\"100000000000002\",\"text\":\"x\"}").statusCode())
            .isEqualTo(404);
        HttpResponse<String> stranger = post("/_emulator/threads/200000000000002/messages",
                "{\"from\":\"100000000000003\",\"text\":\"x\"}");
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(stranger.body()).contains("\"error\"");
        assertThat(post("/_emulator/threads/200000000000002/messages", "{\"from\":\"100000000000002\"}").statusCode())
            .isEqualTo(400);
        assertThat(post("/_emulator/threads/200000000000002/messages", "not json").statusCode()).isEqualTo(400);
        assertThatIllegalStateException().isThrownBy(() -> this.driver.send("999", "100000000000002", "x"))
            .withMessageContaining("404");
        assertThat(this.driver.messages("200000000000002")).isEmpty();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(this.emulator.baseUrl() + path);
    }
}
