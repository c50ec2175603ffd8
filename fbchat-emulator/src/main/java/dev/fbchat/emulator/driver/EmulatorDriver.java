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

    /** Fault: cuts the account's MQTT connections (every connection when {@code accountId} is {@code null}); returns how many. */
    public int dropConnections(@Nullable String accountId) {
        return fault("drop-connections", accountId == null ? Map.of() : Map.of("account", accountId));
    }

    /**
     * Fault: stalls the account's MQTT connections: the sockets stay open but the server answers nothing (no
     * {@code PINGRESP}, no frame); returns how many.
     */
    public int stallConnections(String accountId) {
        return fault("stall", Map.of("account", accountId));
    }

    /**
     * Fault: ends every session of the account, as Facebook does: HTTP requests with its cookies get error 1357001,
     * its MQTT connections are cut and new ones are refused ({@code CONNACK} 5) until it logs in again; returns how
     * many sessions ended.
     */
    public int endSessions(String accountId) {
        return ((Number) post("/_emulator/faults/end-sessions", Map.of("account", accountId), Map.class).get("sessions"))
            .intValue();
    }

    /**
     * Fault: the next {@code count} HTTP requests to {@code path} have their connection cut without an answer, before
     * they are handled (no effect) or, with {@code afterHandling}, after (they took effect, the answer is lost).
     */
    public void cutHttp(String path, int count, boolean afterHandling) {
        post("/_emulator/faults/http-reset", Map.of("path", path, "count", count, "when",
                afterHandling ? "after" : "before"), Map.class);
    }

    /** Fault: the sync queues of the account's MQTT connections overflow ({@code ERROR_QUEUE_OVERFLOW}); returns how many connections. */
    public int overflowQueues(String accountId) {
        return fault("overflow", Map.of("account", accountId));
    }

    /** Fault: publishes {@code payload} (UTF-8, as it is) on {@code topic} to the account's MQTT connections; returns how many. */
    public int publishFrame(String accountId, String topic, String payload) {
        return fault("publish", Map.of("account", accountId, "topic", topic, "payload", payload));
    }

    private int fault(String name, Map<String, ?> request) {
        return ((Number) post("/_emulator/faults/" + name, request, Map.class).get("connections")).intValue();
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
    /** An account's friends, blocks and the friend requests it has to answer. */
    public Relations relations(String accountId) {
        return MAPPER.readValue(call(HttpRequest.newBuilder(uri("/_emulator/accounts/" + accountId + "/relations")).GET()),
                Relations.class);
    }

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

    // ---- Real-time actions: each makes the emulator publish what Facebook sends for it ----

    /** Makes {@code fromId} reply to {@code replyToId} with {@code text} (a {@code deltaMessageReply}, not a {@code NewMessage}). */
    public DriverMessage reply(String threadId, String fromId, String text, String replyToId) {
        return post("/_emulator/threads/" + threadId + "/messages",
                Map.of("from", fromId, "text", text, "replyTo", replyToId), DriverMessage.class);
    }

    /** Makes {@code fromId} send the sticker {@code stickerId} (120×120 unless the emulator knows better). */
    public DriverMessage sendSticker(String threadId, String fromId, String stickerId) {
        return post("/_emulator/threads/" + threadId + "/messages", Map.of("from", fromId, "sticker", Map.of("id", stickerId)),
                DriverMessage.class);
    }

    /** {@code fromId} reacts to a message; {@code reaction} {@code null} removes their reaction. */
    public DriverMessage react(String threadId, String fromId, String messageId, @Nullable String reaction) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("from", fromId);
        request.put("messageId", messageId);
        request.put("reaction", reaction);
        return post("/_emulator/threads/" + threadId + "/reactions", request, DriverMessage.class);
    }

    /** The author unsends their message. */
    public DriverMessage unsend(String threadId, String fromId, String messageId) {
        return post("/_emulator/threads/" + threadId + "/unsend", Map.of("from", fromId, "messageId", messageId),
                DriverMessage.class);
    }

    /** Names a group; {@code null} removes the name. */
    public DriverThread setTitle(String threadId, String fromId, @Nullable String title) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("from", fromId);
        request.put("title", title);
        return post("/_emulator/threads/" + threadId + "/title", request, DriverThread.class);
    }

    /** Adds accounts to a group. */
    public DriverThread addParticipants(String threadId, String fromId, List<String> accountIds) {
        return post("/_emulator/threads/" + threadId + "/participants", Map.of("from", fromId, "add", accountIds),
                DriverThread.class);
    }

    /** Removes a person from a group ({@code fromId} = {@code removedId}: they leave). */
    public DriverThread removeParticipant(String threadId, String fromId, String removedId) {
        return post("/_emulator/threads/" + threadId + "/participants", Map.of("from", fromId, "remove", removedId),
                DriverThread.class);
    }

    /** Makes people administrators of a group. */
    public DriverThread addAdmins(String threadId, String fromId, List<String> accountIds) {
        return post("/_emulator/threads/" + threadId + "/admins", Map.of("from", fromId, "add", accountIds),
                DriverThread.class);
    }

    /** Makes people no longer administrators of a group. */
    public DriverThread removeAdmins(String threadId, String fromId, List<String> accountIds) {
        return post("/_emulator/threads/" + threadId + "/admins", Map.of("from", fromId, "remove", accountIds),
                DriverThread.class);
    }

    /** Turns a group's member approval on or off. */
    public DriverThread setApprovalMode(String threadId, String fromId, boolean requireApproval) {
        return post("/_emulator/threads/" + threadId + "/approval-mode",
                Map.of("from", fromId, "requireApproval", requireApproval), DriverThread.class);
    }

    /** Sets a thread's colour, {@code #rrggbb}. */
    public DriverThread setColor(String threadId, String fromId, String color) {
        return post("/_emulator/threads/" + threadId + "/color", Map.of("from", fromId, "color", color), DriverThread.class);
    }

    /** Sets a thread's emoji; {@code null} goes back to the default. */
    public DriverThread setEmoji(String threadId, String fromId, @Nullable String emoji) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("from", fromId);
        request.put("emoji", emoji);
        return post("/_emulator/threads/" + threadId + "/emoji", request, DriverThread.class);
    }

    /** Sets a participant's nickname; {@code null} clears it. */
    public DriverThread setNickname(String threadId, String fromId, String participantId, @Nullable String nickname) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("from", fromId);
        request.put("participant", participantId);
        request.put("nickname", nickname);
        return post("/_emulator/threads/" + threadId + "/nicknames", request, DriverThread.class);
    }

    /** Sets a group's picture (a {@code ForcedFetch}). */
    public DriverThread setImage(String threadId, String fromId, String imageUrl) {
        return post("/_emulator/threads/" + threadId + "/image", Map.of("from", fromId, "imageUrl", imageUrl),
                DriverThread.class);
    }

    /** {@code fromId} starts ({@code true}) or stops typing in the thread. */
    public void typing(String threadId, String fromId, boolean typing) {
        post("/_emulator/threads/" + threadId + "/typing", Map.of("from", fromId, "typing", typing), Map.class);
    }

    /** The account's client got every message of others it had not got yet; returns their ids. */
    public List<String> markDelivered(String threadId, String accountId) {
        return markDelivered(threadId, accountId, List.of());
    }

    /** The account's client got these messages; returns their ids. */
    @SuppressWarnings("unchecked")
    public List<String> markDelivered(String threadId, String accountId, List<String> messageIds) {
        Map<?, ?> answer = post("/_emulator/threads/" + threadId + "/delivered",
                Map.of("account", accountId, "messageIds", messageIds), Map.class);
        return List.copyOf((List<String>) answer.get("messageIds"));
    }

    /** {@code fromId} starts a call (a video call when {@code video}). */
    public void startCall(String threadId, String fromId, boolean video) {
        post("/_emulator/threads/" + threadId + "/calls", Map.of("from", fromId, "action", "start", "video", video),
                Map.class);
    }

    /** {@code fromId} joins the call going on. */
    public void joinCall(String threadId, String fromId) {
        post("/_emulator/threads/" + threadId + "/calls", Map.of("from", fromId, "action", "join"), Map.class);
    }

    /** {@code fromId} ends the call going on; returns how long it took, in seconds. */
    public long endCall(String threadId, String fromId) {
        Map<?, ?> answer = post("/_emulator/threads/" + threadId + "/calls", Map.of("from", fromId, "action", "end"),
                Map.class);
        return ((Number) answer.get("durationSeconds")).longValue();
    }

    /** Creates a poll in a group, each option's text mapped to whether {@code fromId} votes for it. */
    public DriverPoll createPoll(String threadId, String fromId, String question, Map<String, Boolean> options) {
        List<Map<String, Object>> list = options.entrySet()
            .stream()
            .map(option -> Map.<String, Object>of("text", option.getKey(), "vote", option.getValue()))
            .toList();
        return post("/_emulator/threads/" + threadId + "/polls", Map.of("from", fromId, "question", question, "options", list),
                DriverPoll.class);
    }

    /** {@code fromId}'s votes become exactly {@code optionIds}, plus new options of {@code newOptions}. */
    public DriverPoll vote(String threadId, String pollId, String fromId, List<String> optionIds, List<String> newOptions) {
        return post("/_emulator/threads/" + threadId + "/polls/" + pollId + "/votes",
                Map.of("from", fromId, "optionIds", optionIds, "newOptions", newOptions), DriverPoll.class);
    }

    /** Creates a plan at {@code time} (second precision), at {@code location} or nowhere ({@code null}). */
    public DriverPlan createPlan(String threadId, String fromId, String title, Instant time, @Nullable String location) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("from", fromId);
        request.put("title", title);
        request.put("time", time.getEpochSecond());
        request.put("location", location);
        return post("/_emulator/threads/" + threadId + "/plans", request, DriverPlan.class);
    }

    /** Changes a plan: any of {@code title}, {@code time} (seconds), {@code location}, {@code locationId}. */
    public DriverPlan editPlan(String threadId, String planId, String fromId, Map<String, ?> changes) {
        Map<String, Object> request = new LinkedHashMap<>(changes);
        request.put("from", fromId);
        return post("/_emulator/threads/" + threadId + "/plans/" + planId + "/edit", request, DriverPlan.class);
    }

    /** Deletes a plan. */
    public DriverPlan deletePlan(String threadId, String planId, String fromId) {
        return post("/_emulator/threads/" + threadId + "/plans/" + planId + "/delete", Map.of("from", fromId),
                DriverPlan.class);
    }

    /** A plan's time comes (Facebook's reminder). */
    public DriverPlan endPlan(String threadId, String planId) {
        return post("/_emulator/threads/" + threadId + "/plans/" + planId + "/end", Map.of(), DriverPlan.class);
    }

    /** {@code fromId} answers a plan: going or not. */
    public DriverPlan respondToPlan(String threadId, String planId, String fromId, boolean going) {
        return post("/_emulator/threads/" + threadId + "/plans/" + planId + "/rsvp", Map.of("from", fromId, "going", going),
                DriverPlan.class);
    }

    /** {@code fromId} shares (or updates) their live location for an hour. */
    public void shareLiveLocation(String threadId, String fromId, double latitude, double longitude, @Nullable String title) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("from", fromId);
        request.put("latitude", latitude);
        request.put("longitude", longitude);
        request.put("title", title);
        post("/_emulator/threads/" + threadId + "/live-location", request, Map.class);
    }

    /** {@code fromId} stops sharing their live location. */
    public void stopLiveLocation(String threadId, String fromId, double latitude, double longitude) {
        post("/_emulator/threads/" + threadId + "/live-location",
                Map.of("from", fromId, "latitude", latitude, "longitude", longitude, "stop", true), Map.class);
    }

    /** The account goes online ({@code true}) or offline: its contacts get an {@code /orca_presence} update. */
    public void setPresence(String accountId, boolean active) {
        post("/_emulator/accounts/" + accountId + "/presence", Map.of("active", active), Map.class);
    }

    /** Sends the account the full {@code /orca_presence} list of its contacts; returns how many entries. */
    public int sendFullPresence(String accountId) {
        return ((Number) post("/_emulator/accounts/" + accountId + "/presence/full", Map.of(), Map.class).get("entries"))
            .intValue();
    }

    /** {@code fromId} asks {@code toId} to be friends ({@code /legacy_web} to {@code toId}). */
    public void sendFriendRequest(String fromId, String toId) {
        post("/_emulator/accounts/" + toId + "/friend-requests", Map.of("from", fromId), Map.class);
    }

    /** {@code blockerId} blocks ({@code true}) or unblocks {@code blockedId}'s messages. */
    public void setBlocked(String blockerId, String blockedId, boolean blocked) {
        post("/_emulator/accounts/" + blockerId + "/blocks", Map.of("user", blockedId, "blocked", blocked), Map.class);
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
     * @param attachments its files
     * @param replyTo the id of the message it answers, or {@code null}
     * @param reactions reactions by the reacting person's id
     * @param unsent whether its author unsent it
     */
    public record DriverMessage(String id, String authorId, @Nullable String text, long timestamp,
            List<DriverAttachment> attachments, @Nullable String replyTo, @Nullable Map<String, String> reactions,
            boolean unsent) {

        public DriverMessage {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
            reactions = reactions == null ? Map.of() : Map.copyOf(reactions);
        }
    }

    /**
     * A poll as the driver API shows it.
     *
     * @param id the poll id ({@code question_id})
     * @param threadId the thread it is in
     * @param question its question
     * @param options its options in the order they were made
     */
    public record DriverPoll(String id, String threadId, String question, List<Option> options) {

        /**
         * An option of a poll.
         *
         * @param id the option id
         * @param text its text
         * @param voters who voted for it
         */
        public record Option(String id, String text, List<String> voters) {
        }
    }

    /**
     * A plan as the driver API shows it.
     *
     * @param id the plan id ({@code event_reminder_id})
     * @param threadId the thread it is in
     * @param title its title
     * @param time when, in seconds since the epoch
     * @param location the place's name, or {@code null}
     * @param locationId the place's page id, or {@code null}
     * @param creatorId who made it
     * @param guests every guest's answer ({@code INVITED}, {@code GOING}, {@code DECLINED}) by id
     */
    public record DriverPlan(String id, String threadId, String title, long time, @Nullable String location,
            @Nullable String locationId, String creatorId, Map<String, String> guests) {
    }

    /**
     * A client request as the emulator saw it.
     *
     * @param method the HTTP method
     * @param path the path, without query string
     * @param query the query string, without {@code ?} ({@code ""} when none)
     * @param fields the url-encoded form fields, in order ({@code pass} redacted)
     * @param cookies the names of the cookies sent
     * @param files the file parts of a multipart body, in order
     */
    public record RecordedRequest(String method, String path, String query, Map<String, String> fields,
            List<String> cookies, List<RecordedFile> files) {
    }

    /**
     * A file part of a client request.
     *
     * @param name the part's name ({@code upload_0})
     * @param filename the file's name
     * @param contentType the part's MIME type
     * @param size how many bytes it held
     */
    public record RecordedFile(String name, String filename, String contentType, int size) {
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
     * @param imageUrl the group's picture, or {@code null}
     * @param approvalMode whether joining needs an administrator's approval
     * @param approvalRequests the people waiting for approval
     * @param mutes how each account that muted it did (accounts that did not are left out)
     * @param deletedFor the accounts that deleted it for themselves
     */
    public record DriverThread(String id, String type, String name, List<String> participants,
            @Nullable List<String> admins, @Nullable Map<String, String> nicknames, @Nullable String color,
            @Nullable String emoji, @Nullable Map<String, String> folders, @Nullable Map<String, Long> readWatermarks,
            @Nullable Integer messageCount, @Nullable String imageUrl, @Nullable Boolean approvalMode,
            @Nullable List<String> approvalRequests, @Nullable Map<String, DriverMute> mutes,
            @Nullable List<String> deletedFor) {
    }

    /**
     * How an account muted a thread.
     *
     * @param mutedUntil until when (epoch seconds), {@code -1} for ever, {@code 0} not muted
     * @param reactionsMuted whether its reactions are muted
     * @param mentionsMuted whether its mentions are muted
     */
    public record DriverMute(long mutedUntil, boolean reactionsMuted, boolean mentionsMuted) {
    }

    /**
     * An account's relations to other people.
     *
     * @param friends its friends
     * @param blocked the people whose messages it blocked
     * @param friendRequestsFrom the people waiting for it to answer their friend request
     */
    public record Relations(List<String> friends, List<String> blocked, List<String> friendRequestsFrom) {
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
