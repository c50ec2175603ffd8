package dev.fbchat.fidelity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.fbchat.Session;
import dev.fbchat.TestSessions;
import dev.fbchat.message.Mention;
import dev.fbchat.thread.Group;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.Page;
import dev.fbchat.thread.UnknownThread;
import dev.fbchat.thread.User;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A fixture case's arguments (by fbchat's parameter names), read into Java values. */
record FixtureInput(JsonNode arguments) {

    /** The session every case runs as: fbchat's tests use user 31415926536. */
    static final Session SESSION = TestSessions.offline("31415926536");

    /** A raw JSON argument; a missing one is JSON {@code null}, as a Python default of {@code None}. */
    JsonNode json(String name) {
        JsonNode value = this.arguments.get(name);
        return value == null ? tools.jackson.databind.node.NullNode.getInstance() : value;
    }

    /** A JSON argument, or {@code null} when missing or {@code null}. */
    @Nullable JsonNode jsonOrNull(String name) {
        JsonNode value = this.arguments.get(name);
        return value == null || value.isNull() ? null : value;
    }

    boolean has(String name) {
        return this.arguments.has(name);
    }

    /** A text argument ({@code null} stays {@code null}). */
    @Nullable String text(String name) {
        JsonNode value = json(name);
        return value.isNull() ? null : value.asString();
    }

    /** The session of the case. */
    Session session() {
        return SESSION;
    }

    /** A thread reference {@code {"@type": "User", "id": ...}}. */
    MessengerThread thread(String name) {
        return thread(json(name));
    }

    static MessengerThread thread(JsonNode reference) {
        String id = reference.path("id").asString();
        return switch (reference.path("@type").asString()) {
            case "User" -> new User(SESSION, id);
            case "Group" -> new Group(SESSION, id);
            case "Page" -> new Page(SESSION, id);
            case "Thread" -> new UnknownThread(SESSION, id);
            default -> throw new IllegalArgumentException("Not a thread reference: " + reference);
        };
    }

    /** A {@code datetime} argument. */
    Instant instant(String name) {
        return Instant.ofEpochMilli(json(name).path("epoch_ms").asLong());
    }

    /** A {@code timedelta} argument. */
    Duration duration(String name) {
        return Duration.ofNanos(json(name).path("seconds").decimalValue().movePointRight(9).longValueExact());
    }

    /** A {@code Mention} argument. */
    Mention mention(String name) {
        JsonNode mention = json(name);
        return new Mention(mention.path("thread_id").isNull() ? null : mention.path("thread_id").asString(),
                mention.path("offset").asInt(), mention.path("length").asInt());
    }

    /** A list of texts, or {@code null}. */
    @Nullable List<String> texts(String name) {
        JsonNode value = json(name);
        if (value.isNull()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        value.forEach(item -> texts.add(item.asString()));
        return texts;
    }
}
