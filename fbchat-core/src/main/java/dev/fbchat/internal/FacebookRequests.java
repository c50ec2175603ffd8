package dev.fbchat.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.fbchat.HTTPError;
import dev.fbchat.ParseError;
import dev.fbchat.PleaseRefresh;
import dev.fbchat.ProtocolConstant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The request layer every API method goes through: adds the session parameters
 * ({@code __a}, {@code __req}, {@code __rev}, {@code fb_dtsg}), posts the form, strips the JSON
 * guard, maps error payloads, and keeps {@code fb_dtsg} fresh from {@code jsmods} in answers.
 * Holds the state of a logged-in session. Thread-safe.
 */
public final class FacebookRequests {

    private static final Logger log = LoggerFactory.getLogger(FacebookRequests.class);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpTransport transport;

    private final String userId;

    private final long revision;

    private final String clientId;

    private final AtomicLong counter = new AtomicLong();

    private volatile String fbDtsg;

    private final boolean offline;

    private final SendPacer pacer;

    /** The state of a session that knows only its account's id and refuses every request. */
    public static FacebookRequests offline(String userId) {
        return new FacebookRequests(new HttpTransport(dev.fbchat.SessionOptions.defaults()), userId, "", 0, true);
    }

    /** Whether this session refuses requests ({@link #offline}). */
    public boolean isOffline() {
        return this.offline;
    }

    /** Throws for an offline session: it must never reach Facebook. */
    public void requireOnline() {
        if (this.offline) {
            throw new IllegalStateException("An offline session (Session.offline) makes no request");
        }
    }

    public FacebookRequests(HttpTransport transport, String userId, String fbDtsg, long revision) {
        this(transport, userId, fbDtsg, revision, false);
    }

    private FacebookRequests(HttpTransport transport, String userId, String fbDtsg, long revision, boolean offline) {
        this.offline = offline;
        this.transport = transport;
        this.userId = userId;
        this.fbDtsg = fbDtsg;
        this.revision = revision;
        this.clientId = Integer.toHexString(RANDOM.nextInt(Integer.MAX_VALUE));
        this.pacer = new SendPacer(transport.options().sendPacing());
    }

    /** The HTTP transport, with the session's cookies. */
    public HttpTransport transport() {
        return this.transport;
    }

    /** The logged-in account's id. */
    public String userId() {
        return this.userId;
    }

    /** A random id of this client, sent as the MQTT device id and inside threading ids. */
    public String clientId() {
        return this.clientId;
    }

    /** The value of a volatile protocol constant: the session's override, or the default. */
    public String constant(ProtocolConstant constant) {
        return this.transport.options().protocolConstant(constant);
    }

    /** The current {@code fb_dtsg} token. A secret: never log it. */
    public String fbDtsg() {
        return this.fbDtsg;
    }

    /** The parameters Facebook expects on every request of a session. */
    Map<String, String> sessionParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("__a", "1");
        params.put("__req", Base36.encode(this.counter.incrementAndGet()));
        params.put("__rev", Long.toString(this.revision));
        params.put("fb_dtsg", this.fbDtsg);
        return params;
    }

    /** Posts {@code form} (plus the session parameters) to {@code path} and returns the answer's text. */
    public String postForText(String path, Map<String, String> form) {
        requireOnline();
        Map<String, String> data = new LinkedHashMap<>(form);
        data.putAll(sessionParameters());
        HttpTransport.Response response = this.transport.postForm(this.transport.endpoints().messenger(path), data)
            .requireSuccess();
        if (response.body().isEmpty()) {
            throw new HTTPError("Error when sending request: Got empty response", response.status());
        }
        return response.body();
    }

    /** Posts and parses the JSON answer, without looking for an error payload. Made once. */
    public JsonNode post(String path, Map<String, String> form) {
        JsonNode json = FacebookJson.parse(FacebookJson.stripJsonCruft(postForText(path, form)));
        if (log.isTraceEnabled()) {
            log.trace("POST {} answered with top-level fields {}", path, json.propertyNames());
        }
        return json;
    }

    /** A read: {@link #post}, repeated when it got no answer or a 5xx ({@link RepeatableRequests}). */
    public JsonNode readJson(String path, Map<String, String> form) {
        return RepeatableRequests.retrying(path, () -> post(path, form));
    }

    /**
     * A read ({@code _payload_post}): posts, raises error payloads, refreshes {@code fb_dtsg} if the answer carries one,
     * returns {@code payload}. Repeated when it got no answer or a 5xx; a stale token ({@link PleaseRefresh}) is renewed
     * from the home page and the request sent once more.
     */
    public JsonNode readPayload(String path, Map<String, String> form) {
        return refreshingOnce(() -> RepeatableRequests.retrying(path, () -> payloadOf(post(path, form))));
    }

    /**
     * An action ({@code _payload_post} of a change): as {@link #readPayload}, but made once, since repeating a change
     * Facebook may already have made is not safe. A failure is thrown as it is ({@link HTTPError} when no answer came).
     */
    public JsonNode writePayload(String path, Map<String, String> form) {
        return refreshingOnce(() -> payloadOf(post(path, form)));
    }

    /**
     * Uploads files ({@code _payload_post} with files) as {@code multipart/form-data} to the upload host: the form's
     * fields and the session parameters as text parts, each file as part {@code upload_<i>}. Repeated when it got no
     * answer or a 5xx: a repeated upload leaves at most an unused copy, and the ids returned are those of the last.
     */
    public JsonNode uploadPayload(String path, Map<String, String> form, List<HttpTransport.FilePart> files) {
        requireOnline();
        return refreshingOnce(() -> RepeatableRequests.retrying(path, () -> {
            Map<String, String> data = new LinkedHashMap<>(form);
            data.putAll(sessionParameters());
            HttpTransport.Response response = this.transport
                .postMultipart(this.transport.endpoints().upload(path), data, files)
                .requireSuccess();
            if (response.body().isEmpty()) {
                throw new HTTPError("Error when sending request: Got empty response", response.status());
            }
            return payloadOf(FacebookJson.parse(FacebookJson.stripJsonCruft(response.body())));
        }));
    }

    private JsonNode payloadOf(JsonNode json) {
        FacebookJson.handlePayloadError(json);
        refreshFbDtsg(json);
        JsonNode payload = json.get("payload");
        if (payload == null) {
            throw new ParseError("Missing payload", json);
        }
        return payload;
    }

    /**
     * Runs GraphQL read queries in one batch and returns their results by index. Repeated when it got no answer or a
     * 5xx; a stale token is renewed once.
     */
    public List<@Nullable JsonNode> graphqlReads(List<ObjectNode> queries) {
        return refreshingOnce(() -> RepeatableRequests.retrying("/api/graphqlbatch/", () -> graphqlOnce(queries)));
    }

    /** Runs one GraphQL read query and returns its result, which must be there. */
    public JsonNode graphqlRead(ObjectNode query) {
        return single(graphqlReads(List.of(query)));
    }

    /** Runs one GraphQL mutation (made once, like {@link #writePayload}) and returns its result, which must be there. */
    public JsonNode graphqlWrite(ObjectNode mutation) {
        return single(refreshingOnce(() -> graphqlOnce(List.of(mutation))));
    }

    private List<@Nullable JsonNode> graphqlOnce(List<ObjectNode> queries) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("method", "GET");
        form.put("response_format", "json");
        form.put("queries", GraphQLBatch.queriesToJson(queries));
        return GraphQLBatch.responseToJson(postForText("/api/graphqlbatch/", form));
    }

    private static JsonNode single(List<@Nullable JsonNode> results) {
        JsonNode result = results.isEmpty() ? null : results.get(0);
        if (result == null) {
            throw new ParseError("No answer to the GraphQL query", results);
        }
        return result;
    }

    /**
     * Runs {@code request}; when Facebook answers that the page must be reloaded ({@link PleaseRefresh}: the
     * {@code fb_dtsg} token went stale), fetches a fresh token from the home page and runs it once more.
     */
    <T> T refreshingOnce(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        }
        catch (PleaseRefresh ex) {
            log.info("Facebook asked for a fresh fb_dtsg token; renewing it from the home page and retrying once");
            renewFbDtsg();
            return request.get();
        }
    }

    /** Loads the home page and takes the {@code fb_dtsg} token it defines. */
    void renewFbDtsg() {
        this.fbDtsg = LoginFlow.fbDtsg(LoginFlow.homeDefines(this.transport));
    }

    /**
     * Sends a message through {@code /messaging/send/} with the fields fbchat adds to every send,
     * and returns the new message's id and thread id.
     */
    public SentMessage sendMessage(Map<String, String> form) {
        requireOnline();
        String thread = form.containsKey("thread_fbid") ? form.get("thread_fbid") : form.get("other_user_fbid");
        this.pacer.acquire(thread == null ? "" : thread);
        // The client-made ids are made once: a send repeated with them is, to Facebook, the same message.
        long now = System.currentTimeMillis();
        String offlineThreadingId = Ids.offlineThreadingId(now);
        Map<String, String> data = new LinkedHashMap<>(form);
        data.put("client", "mercury");
        data.put("author", "fbid:" + this.userId);
        data.put("timestamp", Long.toString(now));
        data.put("source", "source:chat:web");
        data.put("offline_threading_id", offlineThreadingId);
        data.put("message_id", offlineThreadingId);
        data.put("threading_id", Ids.threadingId(now, this.clientId));
        data.put("ephemeral_ttl_mode:", "0");
        return refreshingOnce(() -> RepeatableRequests.retrying("/messaging/send/", () -> sendMessageOnce(data)));
    }

    private SentMessage sendMessageOnce(Map<String, String> data) {
        JsonNode json = post("/messaging/send/", data);
        FacebookJson.handlePayloadError(json);
        List<SentMessage> sent = new ArrayList<>();
        for (JsonNode action : json.path("payload").path("actions")) {
            if (action.hasNonNull("message_id")) {
                sent.add(new SentMessage(action.get("message_id").asString(),
                        FacebookJson.textOrNull(action.get("thread_fbid"))));
            }
        }
        if (sent.isEmpty()) {
            throw new ParseError("No message IDs could be found", json);
        }
        if (sent.size() > 1) {
            log.warn("Got {} message ids back for one send; using the first", sent.size());
        }
        return sent.get(0);
    }

    private void refreshFbDtsg(JsonNode json) {
        JsonNode define = json.path("jsmods").path("define");
        if (define.isArray()) {
            String token = ServerJsDefine.fbDtsg(ServerJsDefine.jsmodsDefine(define));
            if (token != null && !token.isEmpty()) {
                this.fbDtsg = token;
            }
        }
    }

    /**
     * What a send returned.
     *
     * @param messageId the new message's id
     * @param threadId the thread's id as Facebook gave it ({@code null} for some one-to-one sends)
     */
    public record SentMessage(String messageId, @Nullable String threadId) {
    }
}
