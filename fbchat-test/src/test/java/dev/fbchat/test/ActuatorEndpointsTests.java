package dev.fbchat.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.event.MessageEvent;
import dev.fbchat.spring.FbChatListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bot's Actuator endpoints over HTTP: {@code /actuator/health} shows {@code fbchat} UP while connected and DOWN
 * while logging in again fails after Messenger ended the session (then UP once it succeeds); {@code /actuator/metrics}
 * lists the starter's meters.
 */
@SpringBootTest(classes = ActuatorEndpointsTests.Bot.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.endpoints.web.exposure.include=health,metrics",
                "management.endpoint.health.show-details=always", "fbchat.listener.reconnect-initial-delay=50ms",
                "fbchat.listener.reconnect-max-delay=200ms" })
@AutoConfigureFbChatEmulator
class ActuatorEndpointsTests {

    @LocalServerPort
    int port;

    @Autowired
    EmulatorDriver driver;

    @Test
    void healthFollowsTheSessionAndMetricsListTheMeters() {
        await().atMost(Duration.ofSeconds(10)).until(() -> "UP".equals(fbchatHealth().path("status").asString()));
        assertThat(fbchatHealth().path("details").path("connected").asBoolean()).isTrue();

        Conversation.with(this.driver, "alice").say("hello").expectReply("hello", Duration.ofSeconds(5));
        String bot = this.driver.accounts().get(0).id();
        // Messenger ends the session, and the next logins get no answer
        this.driver.cutHttp("/login/password/", 15, false);
        this.driver.endSessions(bot);

        await().atMost(Duration.ofSeconds(10)).until(() -> "DOWN".equals(fbchatHealth().path("status").asString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(fbchatHealth().path("status").asString()));
        assertThat(fbchatHealth().path("details").path("relogins").asLong()).isEqualTo(1);

        JsonNode names = get("/actuator/metrics").path("names");
        List<String> meters = new ArrayList<>();
        names.forEach(name -> meters.add(name.asString()));
        assertThat(meters).contains("fbchat.events.received", "fbchat.handler", "fbchat.dispatch.queue",
                "fbchat.listener.connected", "fbchat.listener.last.message.age", "fbchat.listener.reconnects",
                "fbchat.listener.relogins", "http.client.requests");
        // the session's HTTP requests, by endpoint (the path, never a query) and outcome
        List<String> uris = new ArrayList<>();
        get("/actuator/metrics/http.client.requests").path("availableTags").forEach(tag -> {
            if (tag.path("tag").asString().equals("uri")) {
                tag.path("values").forEach(value -> uris.add(value.asString()));
            }
        });
        assertThat(uris).contains("/messaging/send/", "/api/graphqlbatch/", "/login/password/")
            .noneMatch(uri -> uri.contains("?"));
        assertThat(get("/actuator/metrics/fbchat.events.received?tag=type:MessageEvent").path("measurements").path(0)
            .path("value").asDouble()).isGreaterThanOrEqualTo(1);
    }

    private JsonNode fbchatHealth() {
        return get("/actuator/health").path("components").path("fbchat");
    }

    private JsonNode get(String path) {
        String body = RestClient.create()
            .get()
            .uri("http://127.0.0.1:" + this.port + path)
            .exchange((request, response) -> new String(response.getBody().readAllBytes()), true);
        return JsonMapper.builder().build().readTree(body);
    }

    /** An echo bot with Actuator. */
    @SpringBootApplication
    static class Bot {

        @FbChatListener
        String echo(MessageEvent event) {
            return event.message().text();
        }
    }
}
