package dev.fbchat.emulator.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a running emulator's driver API over HTTP: make a simulated user send a message,
 * read a thread's messages, read the emulator's request statistics.
 *
 * <pre>{@code
 * EmulatorDriver driver = new EmulatorDriver(emulator.baseUrl());
 * driver.send(ALICE_THREAD, ALICE, "hello");
 * driver.awaitMessage(ALICE_THREAD, m -> m.authorId().equals(BOT), Duration.ofSeconds(5));
 * }</pre>
 */
public final class EmulatorDriver {

    private static final JsonMapper MAPPER = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private final URI baseUrl;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public EmulatorDriver(URI baseUrl) {
        String text = baseUrl.toString();
        this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** Makes the account {@code fromAccountId} send {@code text} to the thread {@code threadId}. */
    public DriverMessage send(String threadId, String fromAccountId, String text) {
        String body = MAPPER.writeValueAsString(Map.of("from", fromAccountId, "text", text));
        return MAPPER.readValue(call(HttpRequest.newBuilder(uri("/_emulator/threads/" + threadId + "/messages"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))), DriverMessage.class);
    }

    /** The messages of a thread, newest last. */
    public List<DriverMessage> messages(String threadId) {
        return MAPPER.readValue(call(HttpRequest.newBuilder(uri("/_emulator/threads/" + threadId + "/messages")).GET()),
                new TypeReference<List<DriverMessage>>() {
                });
    }

    /** The emulator's counters: logins, requests by path, open MQTT connections. */
    public Stats stats() {
        return MAPPER.readValue(call(HttpRequest.newBuilder(uri("/_emulator/stats")).GET()), Stats.class);
    }

    /**
     * Waits until a message of the thread matches, polling; returns it, or empty after
     * {@code timeout}.
     */
    public Optional<DriverMessage> awaitMessage(String threadId, Predicate<DriverMessage> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<DriverMessage> found = messages(threadId).stream().filter(condition).findFirst();
            if (found.isPresent() || Instant.now().isAfter(deadline)) {
                return found;
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private URI uri(String path) {
        return URI.create(this.baseUrl + path);
    }

    private String call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException("Emulator answered " + response.statusCode() + " to "
                        + response.request().uri().getPath() + ": " + response.body());
            }
            return response.body();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Emulator not reachable at " + this.baseUrl, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the emulator", ex);
        }
    }

    /**
     * A message as the driver API shows it.
     *
     * @param id the message id
     * @param authorId who wrote it
     * @param text its text
     * @param timestamp when, in ms since the epoch
     */
    public record DriverMessage(String id, String authorId, String text, long timestamp) {
    }

    /**
     * The emulator's counters.
     *
     * @param logins successful logins
     * @param failedLogins refused logins
     * @param requestsByPath requests by path (no query string)
     * @param openMqttConnections MQTT connections open now
     */
    public record Stats(int logins, int failedLogins, Map<String, Integer> requestsByPath, int openMqttConnections) {

        /** Requests so far to {@code path}. */
        public int requests(String path) {
            return this.requestsByPath.getOrDefault(path, 0);
        }
    }
}
