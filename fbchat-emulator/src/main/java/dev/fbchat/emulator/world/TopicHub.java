package dev.fbchat.emulator.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/**
 * The MQTT topics outside the sync queue ({@code /thread_typing}, {@code /orca_typing_notifications},
 * {@code /orca_presence}, {@code /legacy_web}): frames published straight to every open
 * connection of an account, whether or not it opened a queue. Each connection decides by its
 * own subscriptions whether the frame goes out. Thread-safe; one account's frames reach each of
 * its connections in the order they were published.
 */
public final class TopicHub {

    /** One MQTT connection of an account, as the hub sees it. */
    @FunctionalInterface
    public interface Connection {

        /** Publishes {@code json} (UTF-8) on {@code topic} if the connection subscribed to it; must not block. */
        void publish(String topic, byte[] json);
    }

    private final Map<String, List<Connection>> connections = new HashMap<>();

    /** Registers a connection of the account until the returned handle is closed. */
    public synchronized AutoCloseable connect(String accountId, Connection connection) {
        this.connections.computeIfAbsent(accountId, id -> new ArrayList<>()).add(connection);
        return () -> disconnect(accountId, connection);
    }

    private synchronized void disconnect(String accountId, Connection connection) {
        List<Connection> open = this.connections.get(accountId);
        if (open != null) {
            open.remove(connection);
            if (open.isEmpty()) {
                this.connections.remove(accountId);
            }
        }
    }

    /** Publishes a frame on {@code topic} to every open connection of the account. */
    public synchronized void publish(String accountId, String topic, ObjectNode frame) {
        List<Connection> open = this.connections.get(accountId);
        if (open == null) {
            return;
        }
        byte[] json = EmulatorJson.MAPPER.writeValueAsBytes(frame);
        for (Connection connection : List.copyOf(open)) {
            connection.publish(topic, json);
        }
    }
}
