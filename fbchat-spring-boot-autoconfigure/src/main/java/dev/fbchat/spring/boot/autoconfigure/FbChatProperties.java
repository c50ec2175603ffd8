package dev.fbchat.spring.boot.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import dev.fbchat.ProtocolConstant;
import dev.fbchat.SendPacing;
import dev.fbchat.SessionOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of fbchat, under {@code fbchat.*}.
 */
@ConfigurationProperties(prefix = "fbchat", ignoreUnknownFields = false)
public class FbChatProperties implements Validator {

    /**
     * Whether to auto-configure fbchat's Session, Client and Listener.
     */
    private boolean enabled = true;

    /**
     * Email address (or phone number) of the Facebook account the bot uses. Needed only when
     * no saved cookies log in.
     */
    private @Nullable String email;

    /**
     * Password of the Facebook account. Needed only when no saved cookies log in; never logged.
     */
    private @Nullable String password;

    /**
     * File that keeps the session's cookies between runs, so the account is not logged in
     * again at every start. Written atomically, readable by its owner only.
     */
    private Path cookieFile = Path.of("fbchat-cookies.json");

    /**
     * User-Agent header the session presents to Facebook.
     */
    private String userAgent = SessionOptions.DEFAULT_USER_AGENT;

    /**
     * Connect and response timeout of each HTTP request to Facebook.
     */
    private Duration timeout = Duration.ofSeconds(30);

    private final Endpoints endpoints = new Endpoints();

    /**
     * Overrides of Facebook's volatile protocol constants (GraphQL document ids, query texts), by name, e.g.
     * {@code fbchat.protocol.messages-doc-id}: follow a change on Facebook's side without waiting for a release.
     */
    private final Map<ProtocolConstant, String> protocol = new EnumMap<>(ProtocolConstant.class);

    private final Listener listener = new Listener();

    private final TwoFactor twoFactor = new TwoFactor();

    private final Emulator emulator = new Emulator();

    private final Send send = new Send();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable String getEmail() {
        return this.email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email;
    }

    public @Nullable String getPassword() {
        return this.password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public Path getCookieFile() {
        return this.cookieFile;
    }

    public void setCookieFile(Path cookieFile) {
        this.cookieFile = cookieFile;
    }

    public String getUserAgent() {
        return this.userAgent;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public Duration getTimeout() {
        return this.timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Map<ProtocolConstant, String> getProtocol() {
        return this.protocol;
    }

    public Endpoints getEndpoints() {
        return this.endpoints;
    }

    public Listener getListener() {
        return this.listener;
    }

    public TwoFactor getTwoFactor() {
        return this.twoFactor;
    }

    public Emulator getEmulator() {
        return this.emulator;
    }

    public Send getSend() {
        return this.send;
    }

    @Override
    public boolean supports(Class<?> type) {
        return FbChatProperties.class.isAssignableFrom(type);
    }

    /**
     * Checks every value a binder cannot: positive durations and sizes, endpoints with a scheme and a host, and
     * credentials that are not an unresolved {@code ${...}} placeholder (which would be sent to Facebook as the
     * literal password). Errors name the property and never show a credential.
     */
    @Override
    public void validate(Object target, Errors errors) {
        FbChatPropertiesValidation.validate((FbChatProperties) target, errors);
    }

    @Override
    public String toString() {
        return "FbChatProperties[email=" + this.email + ", password=" + (this.password == null ? "unset" : "******")
                + ", cookieFile=" + this.cookieFile + "]";
    }

    /**
     * How fast the bot may send (replies and direct calls alike): a send over a limit waits for its turn. Bursts get
     * accounts flagged by Facebook.
     */
    public static class Send {

        /**
         * Most sends to one thread per fbchat.send.per-thread-period; 0 for no limit.
         */
        private int perThread = 0;

        /**
         * Period of fbchat.send.per-thread.
         */
        private Duration perThreadPeriod = Duration.ofSeconds(1);

        /**
         * Most sends in all per fbchat.send.per-account-period; 0 for no limit.
         */
        private int perAccount = 0;

        /**
         * Period of fbchat.send.per-account.
         */
        private Duration perAccountPeriod = Duration.ofSeconds(1);

        public int getPerThread() {
            return this.perThread;
        }

        public void setPerThread(int perThread) {
            this.perThread = perThread;
        }

        public Duration getPerThreadPeriod() {
            return this.perThreadPeriod;
        }

        public void setPerThreadPeriod(Duration perThreadPeriod) {
            this.perThreadPeriod = perThreadPeriod;
        }

        public int getPerAccount() {
            return this.perAccount;
        }

        public void setPerAccount(int perAccount) {
            this.perAccount = perAccount;
        }

        public Duration getPerAccountPeriod() {
            return this.perAccountPeriod;
        }

        public void setPerAccountPeriod(Duration perAccountPeriod) {
            this.perAccountPeriod = perAccountPeriod;
        }

        /** These limits as fbchat's {@link SendPacing}. */
        public SendPacing toSendPacing() {
            return new SendPacing(this.perThread == 0 ? null : new SendPacing.Rate(this.perThread, this.perThreadPeriod),
                    this.perAccount == 0 ? null : new SendPacing.Rate(this.perAccount, this.perAccountPeriod));
        }
    }

    /**
     * An embedded Messenger emulator (module fbchat-emulator, needed on the classpath) for running a bot without a
     * Facebook account.
     */
    public static class Emulator {

        /**
         * Whether to start an embedded emulator and log in as its bot account when neither fbchat.email nor
         * fbchat.endpoints.base-url is set.
         */
        private boolean enabled = false;

        /**
         * Port of the embedded emulator; 0 picks a free one.
         */
        private int port = 8765;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getPort() {
            return this.port;
        }

        public void setPort(int port) {
            this.port = port;
        }
    }

    /**
     * How the bot answers Facebook's two-factor checkpoint when it logs in unattended.
     */
    public static class TwoFactor {

        /**
         * Base32 secret of the account's authenticator app (the text shown beside its QR code): login codes are
         * computed from it locally (RFC 6238). Never logged. A TwoFactorCodeProvider bean takes precedence.
         */
        private @Nullable String totpSecret;

        public @Nullable String getTotpSecret() {
            return this.totpSecret;
        }

        public void setTotpSecret(@Nullable String totpSecret) {
            this.totpSecret = totpSecret;
        }

        @Override
        public String toString() {
            return "TwoFactor[totpSecret=" + (this.totpSecret == null ? "unset" : "******") + "]";
        }
    }

    /**
     * Where Facebook lives. Point {@code base-url} at fbchat-emulator to run offline.
     */
    public static class Endpoints {

        /**
         * One server for every endpoint (HTTP and MQTT over WebSocket at /chat), such as
         * fbchat-emulator's URL. When set, it takes precedence over the other endpoint
         * properties.
         */
        private @Nullable URI baseUrl;

        /**
         * Base URL of the Messenger web site (login, pages, API calls).
         */
        private URI messenger = dev.fbchat.Endpoints.FACEBOOK.messenger();

        /**
         * Base URL of the Facebook web site.
         */
        private URI facebook = dev.fbchat.Endpoints.FACEBOOK.facebook();

        /**
         * Base URL of the upload host.
         */
        private URI upload = dev.fbchat.Endpoints.FACEBOOK.upload();

        /**
         * WebSocket URL of Messenger's MQTT service.
         */
        private URI edgeChat = dev.fbchat.Endpoints.FACEBOOK.edgeChat();

        public @Nullable URI getBaseUrl() {
            return this.baseUrl;
        }

        public void setBaseUrl(@Nullable URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        public URI getMessenger() {
            return this.messenger;
        }

        public void setMessenger(URI messenger) {
            this.messenger = messenger;
        }

        public URI getFacebook() {
            return this.facebook;
        }

        public void setFacebook(URI facebook) {
            this.facebook = facebook;
        }

        public URI getUpload() {
            return this.upload;
        }

        public void setUpload(URI upload) {
            this.upload = upload;
        }

        public URI getEdgeChat() {
            return this.edgeChat;
        }

        public void setEdgeChat(URI edgeChat) {
            this.edgeChat = edgeChat;
        }

        /** These properties as fbchat's {@link dev.fbchat.Endpoints}. */
        public dev.fbchat.Endpoints toEndpoints() {
            if (this.baseUrl != null) {
                return dev.fbchat.Endpoints.local(this.baseUrl);
            }
            return new dev.fbchat.Endpoints(this.messenger, this.facebook, this.upload, this.edgeChat);
        }
    }

    /**
     * The real-time listener.
     */
    public static class Listener {

        /**
         * Whether to connect to Messenger's MQTT service and publish its events to the
         * application.
         */
        private boolean enabled = true;

        /**
         * Whether the account shows as active ("chat on") to others while listening.
         */
        private boolean chatOn = false;

        /**
         * Whether the account counts as looking at Messenger (in the foreground) while
         * listening.
         */
        private boolean foreground = false;

        /**
         * MQTT keepalive (whole seconds, at least 1s): a quiet connection is pinged after this
         * long, and one on which Messenger said nothing (no message, no PINGRESP) for one and a
         * half intervals is reopened.
         */
        private Duration keepAlive = Duration.ofSeconds(10);

        /**
         * Delay before the first reconnect attempt; each next one doubles, with jitter.
         */
        private Duration reconnectInitialDelay = Duration.ofMillis(250);

        /**
         * Longest delay between reconnect attempts.
         */
        private Duration reconnectMaxDelay = Duration.ofSeconds(30);

        /**
         * Whether to log in again (saved cookies first, then fbchat.email and fbchat.password)
         * when Facebook ends the session, and resume listening without losing events. When
         * false, the listener stops then.
         */
        private boolean renewSession = true;

        /**
         * How many handler calls run at the same time. Events of one Messenger thread are always handled one after
         * another, in order; events of different threads in parallel.
         */
        private int concurrency = 4;

        /**
         * How many events may wait for their handlers or be handled at once. When that many do, the listener waits
         * (no event is dropped).
         */
        private int queueCapacity = 1000;

        /**
         * How long shutdown waits for running and queued handler calls to finish; those left are logged.
         */
        private Duration shutdownTimeout = Duration.ofSeconds(10);

        public int getConcurrency() {
            return this.concurrency;
        }

        public void setConcurrency(int concurrency) {
            this.concurrency = concurrency;
        }

        public int getQueueCapacity() {
            return this.queueCapacity;
        }

        public void setQueueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
        }

        public Duration getShutdownTimeout() {
            return this.shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isChatOn() {
            return this.chatOn;
        }

        public void setChatOn(boolean chatOn) {
            this.chatOn = chatOn;
        }

        public boolean isForeground() {
            return this.foreground;
        }

        public void setForeground(boolean foreground) {
            this.foreground = foreground;
        }

        public Duration getKeepAlive() {
            return this.keepAlive;
        }

        public void setKeepAlive(Duration keepAlive) {
            this.keepAlive = keepAlive;
        }

        public Duration getReconnectInitialDelay() {
            return this.reconnectInitialDelay;
        }

        public void setReconnectInitialDelay(Duration reconnectInitialDelay) {
            this.reconnectInitialDelay = reconnectInitialDelay;
        }

        public Duration getReconnectMaxDelay() {
            return this.reconnectMaxDelay;
        }

        public void setReconnectMaxDelay(Duration reconnectMaxDelay) {
            this.reconnectMaxDelay = reconnectMaxDelay;
        }

        public boolean isRenewSession() {
            return this.renewSession;
        }

        public void setRenewSession(boolean renewSession) {
            this.renewSession = renewSession;
        }
    }
}
