package dev.fbchat.spring.boot.autoconfigure.health;

import java.time.Clock;
import java.time.Duration;

import dev.fbchat.Session;
import dev.fbchat.listen.Listener;
import dev.fbchat.listen.ListenerStatus;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code fbchat} health: UP while the listener is connected to Messenger's MQTT service; DOWN once it stopped
 * (Facebook ended the session and logging in again failed: the reason is a detail) and while it is disconnected
 * (reconnecting). Details: the account's id, whether connected, the age of the last MQTT message, reconnects and
 * re-logins. Never a cookie or token.
 */
public final class FbChatHealthIndicator extends AbstractHealthIndicator {

    private final Session session;

    private final Listener listener;

    private final Clock clock;

    public FbChatHealthIndicator(Session session, Listener listener, Clock clock) {
        super("Messenger health check failed");
        this.session = session;
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ListenerStatus status = this.listener.status();
        builder.status(status.connected() && !status.stopped() ? "UP" : "DOWN");
        if (this.session.isMade()) {
            // a session restored at its first use is not made by a health check
            builder.withDetail("user", this.session.user().id());
        }
        builder.withDetail("connected", status.connected())
            .withDetail("reconnects", status.reconnects())
            .withDetail("relogins", status.renewals());
        if (status.lastMessageAt() != null) {
            builder.withDetail("lastMessageAge", Duration.between(status.lastMessageAt(), this.clock.instant()).toString());
        }
        if (status.stopReason() != null) {
            builder.withDetail("stopped", status.stopReason());
        }
    }
}
