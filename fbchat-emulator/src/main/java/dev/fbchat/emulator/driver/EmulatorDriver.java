package dev.fbchat.emulator.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a running emulator's driver API over HTTP: make a simulated user send a message
 * (with files), read a thread's messages, add accounts and threads, set read and seen state,
 * file threads, read the emulator's request statistics.
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

    /**
     * Makes {@code fromId} (an account, or a page of a page thread) send files, with a text or
     * none ({@code null}), to the thread {@code threadId}.
     */
    public DriverMessage send(String threadId, String fromId, @Nullable String text, List<DriverAttachment> attachments) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("from", fromId);
        if (text != null) {
            request.put("text", text);
        }
        request.put("attachments", attachments);
        return post("/_emulator/threads/" + threadId + "/messages", request, DriverMessage.class);
    }

    /** Adds an account; the emulator picks id, email and password when the request leaves them out. */
    public DriverAccount createAccount(NewAccount account) {
        return post("/_emulator/accounts", account, DriverAccount.class);
    }

    /** Every account, the seeded ones first. */
    public List<DriverAccount> accounts() {
        return MAPPER.readValue(call(HttpRequest.newBuilder(uri("/_emulator/accounts")).GET()),
                new TypeReference<List<DriverAccount>>() {
                });
    }

    /** The one-to-one thread of two accounts (or an account and a page), made when they have none. */
    public DriverThread createUserThread(String firstId, String secondId) {
        return post("/_emulator/threads", Map.of("type", "USER", "participants", List.of(firstId, secondId)),
                DriverThread.class);
    }

    /** A new group of accounts, its first participant its administrator. */
    public DriverThread createGroup(String name, List<String> participantIds) {
        return post("/_emulator/threads", Map.of("type", "GROUP", "name", name, "participants", participantIds),
                DriverThread.class);
    }

    /**
     * A new thread with every option of the driver API: {@code type}, {@code participants},
     * {@code name}, {@code admins}, {@code emoji}, {@code color}, {@code nicknames},
     * {@code approvalMode}, {@code approvalRequests}, {@code joinLink}, {@code imageUrl},
     * {@code folders} (see docs/emulator-protocol.md).
     */
    public DriverThread createThread(Map<String, ?> request) {
        return post("/_emulator/threads", request, DriverThread.class);
    }

    /** Every thread (id, type, name, participants). */
    public List<DriverThread> threads() {
        return MAPPER.readValue(call(HttpRequest.newBuilder(uri("/_emulator/threads")).GET()),
                new TypeReference<List<DriverThread>>() {
                });
    }

    /** A thread with its settings, folders and read watermarks. */
    public DriverThread thread(String threadId) {
        return MAPPER.readValue(call(HttpRequest.newBuilder(uri("/_emulator/threads/" + threadId)).GET()),
                DriverThread.class);
    }

    /** The account has read the thread up to and including {@code atMillis}; a lower value marks messages unread. */
    public void markRead(String threadId, String accountId, long atMillis) {
        post("/_emulator/threads/" + threadId + "/read", Map.of("account", accountId, "at", atMillis), Map.class);
    }

    /** The account has read the whole thread. */
    public void markRead(String threadId, String accountId) {
        post("/_emulator/threads/" + threadId + "/read", Map.of("account", accountId), Map.class);
    }

    /** The account has seen every message up to {@code atMillis}. */
    public void markSeen(String accountId, long atMillis) {
        post("/_emulator/accounts/" + accountId + "/seen", Map.of("at", atMillis), Map.class);
    }

    /** Expires the {@code fb_dtsg} token of every live session of the account; returns how many sessions had one. */
    public int expireFbDtsg(String accountId) {
        Map<?, ?> answer = post("/_emulator/accounts/" + accountId + "/expire-tokens", Map.of(), Map.class);
        return ((Number) answer.get("sessions")).intValue();
    }

    /** Files the thread for the account: {@code INBOX}, {@code PENDING}, {@code ARCHIVED} or {@code OTHER}. */
    public void moveThread(String threadId, String accountId, String folder) {
        post("/_emulator/threads/" + threadId + "/folder", Map.of("account", accountId, "folder", folder), Map.class);
    }

    /** The messages of a thread, newest last. */
    public List<DriverMessage> messages(String threadId) {
        return MAPPER.readValue(call(HttpRequest.newBuilder(uri("/_emulator/threads/" + threadId + "/messages")).GET()),
                new TypeReference<List<DriverMessage>>() {
                });
    }

    /**
     * The latest client requests to {@code path} (no query string), oldest first: what a client
     * sent, form fields included (a login's {@code pass} redacted).
     */
    public List<RecordedRequest> requests(String path) {
        return MAPPER.readValue(call(HttpRequest.newBuilder(uri("/_emulator/requests?path="
                + URLEncoder.encode(path, StandardCharsets.UTF_8))).GET()), new TypeReference<List<RecordedRequest>>() {
                });
    }

    /** The emulator's counters: logins, requests by path, open MQTT connections. */
    public Stats stats() {
        return MAPPER.readValue(call(HttpRequest.newBuilder(uri("/_emulator/stats")).GET()), Stats.class);
    }

    /**
     * The requests of the login checkpoint flow ({@code /checkpoint/...}, {@code /login/auth_token/}),
     * oldest first, with the form fields posted: what a two-factor login client sent.
     */
    public List<CheckpointRequest> checkpointRequests() {
        return MAPPER.readValue(call(HttpRequest.newBuilder(uri("/_emulator/checkpoint-requests")).GET()),
                new TypeReference<List<CheckpointRequest>>() {
                });
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

    private <T> T post(String path, Object request, Class<T> answer) {
        return MAPPER.readValue(call(HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(request)))), answer);
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
    public record DriverMessage(String id, String authorId, @Nullable String text, long timestamp,
            List<DriverAttachment> attachments, @Nullable String replyTo) {

        public DriverMessage {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    /**
     * A client request as the emulator saw it.
     *
     * @param method the HTTP method
     * @param path the path, without query string
     * @param query the query string, without {@code ?} ({@code ""} when none)
     * @param fields the url-encoded form fields, in order ({@code pass} redacted)
     * @param cookies the names of the cookies sent
     */
    public record RecordedRequest(String method, String path, String query, Map<String, String> fields,
            List<String> cookies) {
    }

    /**
     * An attachment's metadata (the emulator keeps no bytes). Build with {@link #image},
     * {@link #video}, {@link #audio} or {@link #file}; the emulator fills in {@code id}.
     *
     * @param type {@code image}, {@code video}, {@code audio} or {@code file}
     * @param id the attachment id, {@code null} in a request
     * @param filename the file's name (an image's extension gives its type; {@code .gif} is animated)
     * @param mimeType the MIME type (files; derived for the other kinds)
     * @param width the width in pixels (images, videos)
     * @param height the height in pixels (images, videos)
     * @param durationMillis the length (videos, audio)
     * @param size the size in bytes (videos, audio, files)
     */
    public record DriverAttachment(String type, @Nullable String id, String filename, @Nullable String mimeType,
            @Nullable Integer width, @Nullable Integer height, @Nullable Long durationMillis, @Nullable Long size) {

        public static DriverAttachment image(String filename, int width, int height) {
            return new DriverAttachment("image", null, filename, null, width, height, null, null);
        }

        public static DriverAttachment video(String filename, int width, int height, long durationMillis) {
            return new DriverAttachment("video", null, filename, null, width, height, durationMillis, null);
        }

        public static DriverAttachment audio(String filename, long durationMillis) {
            return new DriverAttachment("audio", null, filename, null, null, null, durationMillis, null);
        }

        public static DriverAttachment file(String filename, long size, String mimeType) {
            return new DriverAttachment("file", null, filename, mimeType, null, null, null, size);
        }
    }

    /**
     * An account as the driver API lists it.
     *
     * @param id the user id
     * @param name the display name
     * @param email the login email
     * @param password the login password
     */
    public record DriverAccount(String id, String name, String email, String password) {

        @Override
        public String toString() {
            return "DriverAccount[id=" + this.id + ", name=" + this.name + ", email=" + this.email + "]";
        }
    }

    /**
     * A new account: only {@code name} is needed.
     *
     * @param name the display name
     * @param id the user id, or {@code null} for a fresh one
     * @param email the login email, or {@code null} for {@code user<id>@fbchat.local}
     * @param password the password, or {@code null} for a random one
     * @param gender {@code FEMALE}, {@code MALE}, {@code NEUTER} or {@code UNKNOWN} ({@code null})
     * @param friends ids of accounts to befriend
     * @param phones phone numbers, international form
     */
    public record NewAccount(String name, @Nullable String id, @Nullable String email, @Nullable String password,
            @Nullable String gender, List<String> friends, List<String> phones) {

        public NewAccount {
            friends = List.copyOf(friends);
            phones = List.copyOf(phones);
        }

        /** An account with just a name. */
        public static NewAccount named(String name) {
            return new NewAccount(name, null, null, null, null, List.of(), List.of());
        }

        /** This account, friends with these accounts. */
        public NewAccount withFriends(String... accountIds) {
            return new NewAccount(this.name, this.id, this.email, this.password, this.gender, List.of(accountIds),
                    this.phones);
        }
    }

    /**
     * A thread as the driver API shows it; the listing fills only {@code id}, {@code type},
     * {@code name} and {@code participants}, the rest comes with {@link #thread(String)} and
     * the create calls.
     *
     * @param id the emulator's handle of the thread
     * @param type {@code USER} or {@code GROUP}
     * @param name the group's name, or the participants' names
     * @param participants the ids taking part
     * @param admins the group's administrators
     * @param nicknames nicknames by id
     * @param color the colour ({@code #rrggbb}) or {@code null} for the default
     * @param emoji the emoji or {@code null}
     * @param folders each participant account's folder
     * @param readWatermarks each participant account's read watermark (ms)
     * @param messageCount how many messages it holds
     */
    public record DriverThread(String id, String type, String name, List<String> participants,
            @Nullable List<String> admins, @Nullable Map<String, String> nicknames, @Nullable String color,
            @Nullable String emoji, @Nullable Map<String, String> folders, @Nullable Map<String, Long> readWatermarks,
            @Nullable Integer messageCount) {
    }

    /**
     * A request of the login checkpoint flow as the emulator saw it.
     *
     * @param method {@code GET} or {@code POST}
     * @param path the path, no query string
     * @param step the checkpoint's page when the request came ({@code CODE}, {@code SAVE_BROWSER},
     *        {@code REVIEW_INTRO}, {@code REVIEW}, {@code SAVE_DEVICE}, {@code LOCKED_INTRO},
     *        {@code LOCKED}), or {@code null}
     * @param fields the form fields posted, in order
     * @param cookies the names of the cookies sent
     * @param act the {@code act} cookie's value, or {@code null}
     */
    public record CheckpointRequest(String method, String path, String step, Map<String, String> fields,
            List<String> cookies, String act) {
    }

    /**
     * The emulator's counters.
     *
     * @param logins successful logins
     * @param failedLogins refused logins
     * @param requestsByPath requests by path (no query string)
     * @param openMqttConnections MQTT connections open now
     * @param checkpoints right passwords of two-factor or locked accounts, which led to a checkpoint
     * @param failedTwoFactorCodes two-factor codes refused
     */
    public record Stats(int logins, int failedLogins, Map<String, Integer> requestsByPath, int openMqttConnections,
            int checkpoints, int failedTwoFactorCodes) {

        /** Requests so far to {@code path}. */
        public int requests(String path) {
            return this.requestsByPath.getOrDefault(path, 0);
        }
    }
}
