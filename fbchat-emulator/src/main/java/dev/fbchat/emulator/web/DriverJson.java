package dev.fbchat.emulator.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.fbchat.emulator.world.Attachment;
import dev.fbchat.emulator.world.ChatThread;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.FacebookPage;
import dev.fbchat.emulator.world.Mention;
import dev.fbchat.emulator.world.MuteSettings;
import dev.fbchat.emulator.world.Sticker;
import dev.fbchat.emulator.world.StoredMessage;
import dev.fbchat.emulator.world.ThreadSettings;
import dev.fbchat.emulator.world.ThreadView;
import dev.fbchat.emulator.world.World;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The driver API's own JSON: threads, messages and attachments in and out (*emulator only*). */
final class DriverJson {

    private DriverJson() {
    }

    /** A driver request that cannot be carried out: answered {@code 400} (or the status given) with its text. */
    static final class BadRequest extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final int status;

        BadRequest(String message) {
            this(400, message);
        }

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** A thread in the listing: {@code id}, {@code type}, {@code name}, {@code participants}. */
    static ObjectNode thread(ChatThread thread) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("id", thread.id());
        json.put("type", thread.kind().name());
        json.put("name", thread.name());
        thread.participants().forEach(json.putArray("participants")::add);
        return json;
    }

    /** A thread with its settings, everyone's folder and read watermark, and its size. */
    static ObjectNode threadDetails(World world, ChatThread thread) {
        ObjectNode json = thread(thread);
        ThreadView first = world.threadViewByHandle(thread.id(), thread.participants().get(0)).orElseThrow();
        ThreadSettings settings = first.settings();
        settings.admins().forEach(json.putArray("admins")::add);
        ObjectNode nicknames = json.putObject("nicknames");
        settings.nicknames().forEach(nicknames::put);
        json.put("color", settings.color());
        json.put("emoji", settings.emoji());
        json.put("imageUrl", settings.imageUrl());
        json.put("approvalMode", settings.approvalMode());
        settings.approvalRequests().forEach(json.putArray("approvalRequests")::add);
        json.put("joinLink", settings.joinLink());
        ObjectNode folders = json.putObject("folders");
        ObjectNode watermarks = json.putObject("readWatermarks");
        ObjectNode mutes = json.putObject("mutes");
        ArrayNode deletedFor = json.putArray("deletedFor");
        for (String participant : thread.participants()) {
            if (world.account(participant).isPresent()) {
                MuteSettings mute = world.accountActions().mute(thread.id(), participant);
                if (!mute.equals(MuteSettings.NONE)) {
                    mutes.putObject(participant)
                        .put("mutedUntil", mute.mutedUntil())
                        .put("reactionsMuted", mute.reactionsMuted())
                        .put("mentionsMuted", mute.mentionsMuted());
                }
                if (world.accountActions().isDeleted(thread.id(), participant)) {
                    deletedFor.add(participant);
                }
                folders.put(participant, world.threadViewByHandle(thread.id(), participant).orElseThrow().folder().name());
                watermarks.put(participant, first.watermark(participant));
            }
        }
        json.put("messageCount", first.messages().size());
        json.put("createdAt", first.createdAt());
        json.put("updatedAt", first.updatedAt());
        return json;
    }

    static ObjectNode page(FacebookPage page) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("id", page.id());
        json.put("name", page.name());
        json.put("url", page.url());
        json.put("category", page.category());
        json.put("city", page.city());
        return json;
    }

    /**
     * A message: {@code id}, {@code authorId}, {@code text}, {@code timestamp}, {@code attachments},
     * {@code replyTo}, {@code sticker}, {@code reactions} (by person), {@code unsent}.
     */
    static ObjectNode message(StoredMessage message) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("id", message.id());
        json.put("authorId", message.authorId());
        json.put("text", message.text());
        json.put("timestamp", message.timestamp());
        ArrayNode attachments = json.putArray("attachments");
        message.attachments().forEach(attachment -> attachments.add(attachment(attachment)));
        json.put("replyTo", message.replyToId());
        if (message.sticker() == null) {
            json.putNull("sticker");
        }
        else {
            ObjectNode sticker = json.putObject("sticker");
            sticker.put("id", message.sticker().id());
            sticker.put("packId", message.sticker().packId());
            sticker.put("label", message.sticker().label());
            sticker.put("width", message.sticker().width());
            sticker.put("height", message.sticker().height());
        }
        ObjectNode reactions = json.putObject("reactions");
        message.reactions().forEach(reactions::put);
        json.put("unsent", message.isUnsent());
        return json;
    }

    static ObjectNode attachment(Attachment attachment) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("id", attachment.id());
        json.put("filename", attachment.filename());
        json.put("mimeType", attachment.mimeType());
        if (attachment instanceof Attachment.Image image) {
            json.put("type", "image");
            json.put("width", image.width());
            json.put("height", image.height());
        }
        else if (attachment instanceof Attachment.Video video) {
            json.put("type", "video");
            json.put("width", video.width());
            json.put("height", video.height());
            json.put("durationMillis", video.durationMillis());
            json.put("size", video.size());
        }
        else if (attachment instanceof Attachment.Audio audio) {
            json.put("type", "audio");
            json.put("durationMillis", audio.durationMillis());
            json.put("size", audio.size());
        }
        else if (attachment instanceof Attachment.File file) {
            json.put("type", "file");
            json.put("size", file.size());
        }
        else if (attachment instanceof Attachment.Location location) {
            json.put("type", "location");
            json.put("latitude", location.latitude());
            json.put("longitude", location.longitude());
            json.put("current", location.current());
        }
        return json;
    }

    /**
     * Reads {@code attachments}: each {@code {"type": "image"|"video"|"audio"|"file",
     * "filename": ..., ...}}; the world gives the ids.
     */
    static List<Attachment> attachments(JsonNode list, World world) {
        List<Attachment> attachments = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            return attachments;
        }
        if (!list.isArray()) {
            throw new BadRequest("\"attachments\" must be a list");
        }
        for (JsonNode entry : list) {
            String filename = entry.path("filename").asString("");
            if (filename.isBlank()) {
                throw new BadRequest("every attachment needs a \"filename\"");
            }
            String id = world.newAttachmentId();
            int width = positive(entry, "width", 640);
            int height = positive(entry, "height", 480);
            long duration = positive(entry, "durationMillis", 1000);
            long size = positive(entry, "size", 1024);
            attachments.add(switch (entry.path("type").asString("").toLowerCase(Locale.ROOT)) {
                case "image" -> new Attachment.Image(id, filename, width, height);
                case "video" -> new Attachment.Video(id, filename, width, height, duration, size);
                case "audio" -> new Attachment.Audio(id, filename, duration, size);
                case "file" -> new Attachment.File(id, filename, size,
                        entry.path("mimeType").asString("application/octet-stream"));
                default -> throw new BadRequest("an attachment's \"type\" is image, video, audio or file");
            });
        }
        return attachments;
    }

    /**
     * Reads {@code sticker}: {@code {"id", "packId"?, "label"?, "width"?, "height"?}}, or
     * {@code null} when missing. Left out: Facebook's like sticker's pack and label, 120×120.
     */
    static @Nullable Sticker sticker(JsonNode json) {
        if (json.isMissingNode() || json.isNull()) {
            return null;
        }
        String id = json.isObject() ? text(json, "id") : json.isString() ? json.asString() : null;
        if (id == null || !id.matches("[1-9][0-9]{0,18}")) {
            throw new BadRequest("\"sticker\" is {\"id\": \"<digits>\", \"packId\"?, \"label\"?, \"width\"?, \"height\"?}");
        }
        String packId = text(json, "packId");
        String label = text(json, "label");
        return new Sticker(id, packId == null ? "227877430692340" : packId, label == null ? "Sticker" : label,
                positive(json, "width", 120), positive(json, "height", 120));
    }

    /** Reads {@code mentions}: {@code [{"id", "offset", "length"}]}, each within {@code text}. */
    static List<Mention> mentions(JsonNode list, @Nullable String text) {
        List<Mention> mentions = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            return mentions;
        }
        if (!list.isArray()) {
            throw new BadRequest("\"mentions\" must be a list of {\"id\", \"offset\", \"length\"}");
        }
        for (JsonNode entry : list) {
            String id = text(entry, "id");
            int offset = entry.path("offset").asInt(-1);
            int length = entry.path("length").asInt(0);
            if (id == null || text == null || offset < 0 || length <= 0 || offset + length > text.length()) {
                throw new BadRequest("a mention is {\"id\", \"offset\", \"length\"} within the text");
            }
            mentions.add(new Mention(id, offset, length));
        }
        return mentions;
    }

    /** Reads a list of ids, or an empty list when missing. */
    static List<String> ids(JsonNode list, String name) {
        List<String> ids = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            return ids;
        }
        if (!list.isArray()) {
            throw new BadRequest("\"" + name + "\" must be a list of ids");
        }
        list.forEach(id -> ids.add(id.asString("")));
        return ids;
    }

    /** Reads an object of strings, such as nicknames by id, in order. */
    static Map<String, String> strings(JsonNode object, String name) {
        Map<String, String> map = new LinkedHashMap<>();
        if (object.isMissingNode() || object.isNull()) {
            return map;
        }
        if (!object.isObject()) {
            throw new BadRequest("\"" + name + "\" must be an object");
        }
        object.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asString("")));
        return map;
    }

    static @Nullable String text(JsonNode json, String name) {
        JsonNode value = json.path(name);
        return value.isString() ? value.asString() : null;
    }

    private static int positive(JsonNode entry, String name, int fallback) {
        JsonNode value = entry.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber() || value.asLong() <= 0) {
            throw new BadRequest("\"" + name + "\" must be a positive number");
        }
        return (int) Math.min(Integer.MAX_VALUE, value.asLong());
    }

    /** The JSON object a driver request carries; no body is an empty object. */
    static JsonNode body(HttpExchange exchange) {
        String text = exchange.body();
        if (text == null || text.isBlank()) {
            return EmulatorJson.MAPPER.createObjectNode();
        }
        try {
            JsonNode json = EmulatorJson.MAPPER.readTree(text);
            if (json == null || !json.isObject()) {
                throw new BadRequest("the body must be a JSON object");
            }
            return json;
        }
        catch (JacksonException ex) {
            throw new BadRequest("the body is not JSON: " + ex.getOriginalMessage());
        }
    }
}
