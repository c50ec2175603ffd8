package dev.fbchat.emulator.web;

import java.util.List;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.Attachment;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /ajax/mercury/upload.php} on the upload host: a {@code multipart/form-data} body whose parts
 * {@code upload_<i>} are files, and {@code voice_clip} ({@code True} makes audio a voice clip). Answers one
 * {@code metadata} entry per file: its id under {@code image_id}, {@code gif_id}, {@code video_id}, {@code audio_id}
 * or {@code file_id} (by its type), its {@code filename} and {@code filetype}.
 */
final class UploadEndpoint extends ActionEndpoints {

    private static final String UPLOAD = "/ajax/mercury/upload.php";

    UploadEndpoint(World world) {
        super(world, UPLOAD);
    }

    @Override
    protected FullHttpResponse act(String path, HttpExchange exchange, Account viewer) {
        List<HttpExchange.UploadedPart> files = exchange.files();
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file");
        }
        ObjectNode payload = EmulatorJson.MAPPER.createObjectNode();
        ArrayNode metadata = payload.putArray("metadata");
        for (HttpExchange.UploadedPart file : files) {
            Attachment stored = this.world.uploads().store(file.filename(), file.contentType(), file.content());
            ObjectNode entry = metadata.addObject();
            entry.put(idField(file.contentType()), Long.parseLong(stored.id()));
            entry.put("filename", file.filename());
            entry.put("filetype", file.contentType());
            if (stored instanceof Attachment.Image image) {
                entry.put("src", dev.fbchat.emulator.world.Cdn.file(image.id(), image.filename()));
            }
        }
        return payload(payload);
    }

    /** The field Facebook names an upload's id by, from its MIME type. */
    private static String idField(String mimeType) {
        if (mimeType.equals("image/gif")) {
            return "gif_id";
        }
        String kind = mimeType.split("/", 2)[0];
        return switch (kind) {
            case "image", "video", "audio" -> kind + "_id";
            default -> "file_id";
        };
    }
}
