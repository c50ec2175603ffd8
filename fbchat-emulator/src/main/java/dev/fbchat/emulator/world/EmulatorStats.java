package dev.fbchat.emulator.world;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.node.ObjectNode;

/** Counters that let tests see what a client did: logins, requests by path, open MQTT connections. */
public final class EmulatorStats {

    private final LongAdder logins = new LongAdder();

    private final LongAdder failedLogins = new LongAdder();

    private final Map<String, LongAdder> requestsByPath = new ConcurrentHashMap<>();

    private final AtomicInteger openMqttConnections = new AtomicInteger();

    private final LongAdder checkpoints = new LongAdder();

    private final LongAdder failedTwoFactorCodes = new LongAdder();

    void loginSucceeded() {
        this.logins.increment();
    }

    void loginFailed() {
        this.failedLogins.increment();
    }

    /** Counts a right password that led to a login checkpoint. */
    void checkpointStarted() {
        this.checkpoints.increment();
    }

    /** Counts a refused two-factor code. */
    void twoFactorCodeFailed() {
        this.failedTwoFactorCodes.increment();
    }

    /** Counts a request to {@code path} (without query string). */
    public void request(String path) {
        this.requestsByPath.computeIfAbsent(path, key -> new LongAdder()).increment();
    }

    /** Counts an MQTT connection opened ({@code +1}) or closed ({@code -1}). */
    public void mqttConnections(int change) {
        this.openMqttConnections.addAndGet(change);
    }

    /** The counters as the driver API shows them. */
    public ObjectNode toJson() {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("logins", this.logins.sum());
        json.put("failedLogins", this.failedLogins.sum());
        ObjectNode paths = json.putObject("requestsByPath");
        new TreeMap<>(this.requestsByPath).forEach((path, count) -> paths.put(path, count.sum()));
        json.put("openMqttConnections", this.openMqttConnections.get());
        json.put("checkpoints", this.checkpoints.sum());
        json.put("failedTwoFactorCodes", this.failedTwoFactorCodes.sum());
        return json;
    }
}
