package dev.fbchat.emulator.world;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import tools.jackson.databind.node.ObjectNode;

/**
 * Attachments in Facebook's JSON shapes: the GraphQL {@code blob_attachment} of a message, the
 * node of a thread's shared-media list, and the attachment of a {@code NewMessage} delta. Shared
 * by the HTTP side and the delta log, so a file looks the same wherever it is read.
 */
public final class AttachmentJson {

    private AttachmentJson() {
    }

    /** The {@code blob_attachments} entry of a GraphQL message ({@code __typename} tells the kind). */
    public static ObjectNode blob(Attachment attachment) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        if (attachment instanceof Attachment.Image image) {
            json.put("__typename", image.animated() ? "MessageAnimatedImage" : "MessageImage");
            json.putNull("attribution_app");
            json.putNull("attribution_metadata");
            json.put("filename", (image.animated() ? "gif-" : "image-") + image.id());
            if (image.animated()) {
                json.set("animated_image", picture(Cdn.file(image.id(), image.filename()), image.width(), image.height()));
                json.set("preview_image", scaled(image.id(), "p480x480", image.width(), image.height(), 480));
            }
            else {
                json.set("preview", scaled(image.id(), "p280x280", image.width(), image.height(), 280));
                json.set("large_preview", scaled(image.id(), "s960x960", image.width(), image.height(), 960));
                json.putObject("thumbnail").put("uri", Cdn.preview(image.id(), "p50x50"));
                json.putArray("photo_encodings");
            }
            json.put("legacy_attachment_id", image.id());
            dimensions(json, image.width(), image.height());
            if (!image.animated()) {
                json.put("original_extension", image.extension());
                json.put("render_as_sticker", false);
                json.putNull("blurred_image_uri");
            }
        }
        else if (attachment instanceof Attachment.Video video) {
            json.put("__typename", "MessageVideo");
            json.putNull("attribution_app");
            json.putNull("attribution_metadata");
            json.put("filename", "video-" + video.id() + ".mp4");
            json.put("playable_url", Cdn.file(video.id(), video.filename()));
            json.set("chat_image", scaled(video.id(), "s168x128", video.width(), video.height(), 168));
            json.put("legacy_attachment_id", video.id());
            json.put("video_type", "FILE_ATTACHMENT");
            dimensions(json, video.width(), video.height());
            json.put("playable_duration_in_ms", video.durationMillis());
            json.set("large_image", picture(Cdn.preview(video.id(), "original"), video.width(), video.height()));
            json.set("inbox_image", scaled(video.id(), "p261x260", video.width(), video.height(), 452));
        }
        else if (attachment instanceof Attachment.Audio audio) {
            json.put("__typename", "MessageAudio");
            json.putNull("attribution_app");
            json.putNull("attribution_metadata");
            json.put("filename", audio.filename());
            json.put("playable_url", Cdn.file(audio.id(), audio.filename()) + "?dl=1");
            json.put("playable_duration_in_ms", audio.durationMillis());
            json.put("is_voicemail", false);
            json.put("audio_type", "FILE_ATTACHMENT");
            json.put("url_shimhash", shimHash(audio.id()));
            json.put("url_skipshim", true);
        }
        else if (attachment instanceof Attachment.File file) {
            json.put("__typename", "MessageFile");
            json.putNull("attribution_app");
            json.putNull("attribution_metadata");
            json.put("filename", file.filename());
            json.put("url", "https://l.facebook.com/l.php?u="
                    + URLEncoder.encode(Cdn.file(file.id(), file.filename()), StandardCharsets.UTF_8) + "&h="
                    + shimHash(file.id()) + "&s=1");
            json.put("content_type", contentType(file.mimeType()));
            json.put("is_malicious", false);
            json.put("message_file_fbid", file.id());
            json.put("url_shimhash", shimHash(file.id()));
            json.put("url_skipshim", true);
        }
        return json;
    }

    /**
     * The node of a thread's shared-media list ({@code message_shared_media}): a still image or
     * a video, with three previews.
     */
    public static ObjectNode sharedMedia(Attachment attachment) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        int width;
        int height;
        if (attachment instanceof Attachment.Image image) {
            json.put("__typename", "MessageImage");
            width = image.width();
            height = image.height();
        }
        else if (attachment instanceof Attachment.Video video) {
            json.put("__typename", "MessageVideo");
            width = video.width();
            height = video.height();
        }
        else {
            throw new IllegalArgumentException("not shared media: " + attachment);
        }
        String typeName = json.path("__typename").asString();
        json.put("id", Base64.getEncoder()
            .encodeToString((typeName + ":" + attachment.id()).getBytes(StandardCharsets.UTF_8)));
        json.put("legacy_attachment_id", attachment.id());
        json.putObject("image").put("uri", Cdn.preview(attachment.id(), "p261x260"));
        json.set("image1", scaled(attachment.id(), "s960x960", width, height, 960));
        json.set("image2", scaled(attachment.id(), "s2048x2048", width, height, 2048));
        json.putObject("original_dimensions").put("x", width).put("y", height);
        if (attachment instanceof Attachment.Image) {
            json.putArray("photo_encodings");
        }
        return json;
    }

    /** Whether the attachment shows in a thread's shared-media list: still images and videos. */
    public static boolean isSharedMedia(Attachment attachment) {
        // places and files are not media
        return attachment instanceof Attachment.Image image && !image.animated() || attachment instanceof Attachment.Video;
    }

    /**
     * An attachment of a {@code NewMessage} delta: metadata and the GraphQL blob under {@code mercury} (a place: its
     * {@code extensible_attachment}).
     */
    public static ObjectNode delta(Attachment attachment) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        if (attachment instanceof Attachment.Location location) {
            json.put("fbid", location.id());
            json.put("id", location.id());
            json.putObject("mercury").set("extensible_attachment", location(location));
            return json;
        }
        json.put("fbid", attachment.id());
        json.put("id", attachment.id());
        json.put("filename", attachment.filename());
        json.put("mimeType", attachment.mimeType());
        long size = attachment instanceof Attachment.Video video ? video.size()
                : attachment instanceof Attachment.Audio audio ? audio.size()
                : attachment instanceof Attachment.File file ? file.size() : 0;
        if (size > 0) {
            json.put("fileSize", Long.toString(size));
        }
        if (attachment instanceof Attachment.Image image) {
            json.putObject("imageMetadata").put("width", image.width()).put("height", image.height());
        }
        json.putObject("mercury").set("blob_attachment", blob(attachment));
        return json;
    }

    /**
     * A sticker as GraphQL gives it ({@code sticker} of a message, {@code sticker_attachment} of a
     * delta): {@code id}, {@code pack}, {@code label}, frames, sprites, {@code url}, size.
     */
    public static ObjectNode sticker(Sticker sticker) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("id", sticker.id());
        json.putObject("pack").put("id", sticker.packId());
        json.put("label", sticker.label());
        json.put("frame_count", 1);
        json.put("frame_rate", 83);
        json.put("frames_per_row", 1);
        json.put("frames_per_column", 1);
        json.putNull("sprite_image_2x");
        json.putNull("sprite_image");
        json.putNull("padded_sprite_image");
        json.putNull("padded_sprite_image_2x");
        json.put("url", Cdn.sticker(sticker.id()));
        json.put("height", sticker.height());
        json.put("width", sticker.width());
        return json;
    }

    /**
     * The {@code extensible_attachment} of a place: a story attachment whose target is a {@code MessageLocation}, the
     * coordinates in the {@code where1} parameter of the map link that {@code url} leads to, and a map picture.
     */
    public static ObjectNode location(Attachment.Location location) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("legacy_attachment_id", location.id());
        ObjectNode story = json.putObject("story_attachment");
        story.putObject("description").put("text", "");
        ObjectNode image = story.putObject("media").putObject("image");
        image.put("uri", Cdn.preview(location.id(), "map"));
        image.put("width", 545);
        image.put("height", 280);
        story.putNull("source");
        story.putArray("style_list").add("message_location").add("fallback");
        story.putObject("title_with_entities").put("text", location.filename());
        story.putArray("properties");
        String map = "https://www.bing.com/maps/default.aspx?v=2&pc=FACEBK&mid=8100&where1="
                + encode(location.latitude() + ", " + location.longitude()) + "&FORM=FBKPL1&mkt=en-GB";
        story.put("url", "https://l.facebook.com/l.php?u=" + encode(map) + "&h=" + shimHash(location.id()) + "&s=1");
        story.put("deduplication_key", location.id());
        story.putArray("action_links");
        story.putNull("messaging_attribution");
        story.putArray("messenger_call_to_actions");
        story.putNull("xma_layout_info");
        story.putObject("target").put("__typename", "MessageLocation");
        story.putArray("subattachments");
        json.putObject("genie_attachment").putNull("genie_message");
        return json;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * The {@code extensible_attachment} that stands for an unsent message: a story attachment
     * without target, styled {@code globally_deleted_message_placeholder}, as Facebook shows a
     * message its author removed for everyone.
     */
    public static ObjectNode unsentPlaceholder(String messageId) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("legacy_attachment_id", "ee." + messageId);
        ObjectNode story = json.putObject("story_attachment");
        story.putObject("description").put("text", "This message was unsent.");
        story.putNull("media");
        story.putNull("source");
        story.putArray("style_list").add("globally_deleted_message_placeholder").add("fallback");
        story.putObject("title_with_entities").put("text", "");
        story.putArray("properties");
        story.putNull("url");
        story.put("deduplication_key", Integer.toHexString(messageId.hashCode()));
        story.putArray("action_links");
        story.putNull("messaging_attribution");
        story.putArray("messenger_call_to_actions");
        story.putNull("xma_layout_info");
        story.putNull("target");
        story.putArray("subattachments");
        json.putObject("genie_attachment").putNull("genie_message");
        return json;
    }

    private static void dimensions(ObjectNode json, int width, int height) {
        json.putObject("original_dimensions").put("x", width).put("y", height);
    }

    private static ObjectNode picture(String uri, int width, int height) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("uri", uri);
        json.put("width", width);
        json.put("height", height);
        return json;
    }

    /** A preview no wider or higher than {@code bound}, keeping the aspect ratio. */
    private static ObjectNode scaled(String id, String variant, int width, int height, int bound) {
        int larger = Math.max(width, height);
        if (larger <= bound) {
            return picture(Cdn.preview(id, variant), width, height);
        }
        return picture(Cdn.preview(id, variant), Math.max(1, (int) ((long) width * bound / larger)),
                Math.max(1, (int) ((long) height * bound / larger)));
    }

    private static String shimHash(String id) {
        return "AT0" + Integer.toHexString(id.hashCode() & 0x7fffffff);
    }

    private static String contentType(String mimeType) {
        String[] parts = mimeType.toLowerCase(Locale.ROOT).split("/", 2);
        return "attach:" + (parts[0].equals("application") && parts.length > 1 ? parts[1] : parts[0]);
    }
}
