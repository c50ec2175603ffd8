package dev.fbchat.internal.parse;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.fbchat.ParseError;
import dev.fbchat.attachment.Attachment;
import dev.fbchat.attachment.AudioAttachment;
import dev.fbchat.attachment.FileAttachment;
import dev.fbchat.attachment.Image;
import dev.fbchat.attachment.ImageAttachment;
import dev.fbchat.attachment.UnknownAttachment;
import dev.fbchat.attachment.VideoAttachment;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Parses blob attachments: files, audio, images and videos ({@code fbchat._models._file}).
 */
public final class FileAttachmentParser {

    private FileAttachmentParser() {
    }

    /** {@code graphql_to_attachment}: the attachment of a blob by its {@code __typename}. */
    public static Attachment fromGraphql(JsonNode data, @Nullable JsonNode size) {
        String type = Py.str(Py.req(data, "__typename"));
        return switch (type) {
            case "MessageImage", "MessageAnimatedImage" -> image(data);
            case "MessageVideo" -> video(data, size);
            case "MessageAudio" -> audio(data);
            case "MessageFile" -> file(data, size);
            default -> new UnknownAttachment(Py.text(data, "legacy_attachment_id"));
        };
    }

    /** {@code graphql_to_subattachment}: a video inside a share, or {@code null} for any other kind. */
    public static @Nullable Attachment subattachment(JsonNode data) {
        JsonNode target = Py.get(data, "target");
        String type = Py.truthy(target) ? Py.text(target, "__typename") : null;
        return "Video".equals(type) ? videoFromSubattachment(data) : null;
    }

    /** {@code FileAttachment._from_graphql}. */
    public static FileAttachment file(JsonNode data, @Nullable JsonNode size) {
        return new FileAttachment(Py.text(data, "message_file_fbid"), Py.text(data, "url"), size(size),
                Py.text(data, "filename"), Py.bool(Py.get(data, "is_malicious")));
    }

    /** {@code AudioAttachment._from_graphql}. */
    public static AudioAttachment audio(JsonNode data) {
        return new AudioAttachment(null, Py.text(data, "filename"), Py.text(data, "playable_url"),
                Py.millisToTimedelta(Py.get(data, "playable_duration_in_ms")), Py.text(data, "audio_type"));
    }

    /** {@code ImageAttachment._from_graphql}. */
    public static ImageAttachment image(JsonNode data) {
        JsonNode preview = Py.truthy(data, "preview") ? Py.get(data, "preview") : Py.get(data, "preview_image");
        Set<Image> previews = previews(ImageParser.fromUriOrNull(Py.get(data, "thumbnail")),
                ImageParser.fromUriOrNull(preview), ImageParser.fromUriOrNull(Py.get(data, "large_preview")),
                ImageParser.fromUriOrNull(Py.get(data, "animated_image")));
        requireHashable(Py.get(data, "thumbnail"), preview, Py.get(data, "large_preview"),
                Py.get(data, "animated_image"));
        String extension = Py.truthy(data, "original_extension") ? Py.text(data, "original_extension")
                : Py.truthy(data, "filename") ? Py.text(data, "filename").split("-", -1)[0] : null;
        JsonNode dimensions = originalDimensions(data);
        return new ImageAttachment(Py.text(data, "legacy_attachment_id"), extension,
                Py.intOrNull(Py.get(dimensions, "width")), Py.intOrNull(Py.get(dimensions, "height")),
                "MessageAnimatedImage".equals(Py.str(Py.req(data, "__typename"))), previews);
    }

    /** {@code ImageAttachment._from_list}: an image of a thread's shared media. */
    public static ImageAttachment imageFromList(JsonNode data) {
        Set<Image> previews = previews(ImageParser.fromUriOrNull(Py.req(data, "image")),
                ImageParser.fromUri(Py.req(data, "image1")), ImageParser.fromUri(Py.req(data, "image2")));
        requireHashable(Py.req(data, "image"), Py.req(data, "image1"), Py.req(data, "image2"));
        JsonNode dimensions = Py.nonNull(data, "original_dimensions");
        return new ImageAttachment(Py.strOrNull(Py.req(data, "legacy_attachment_id")), null,
                Py.intOrNull(Py.get(dimensions, "x")), Py.intOrNull(Py.get(dimensions, "y")), null, previews);
    }

    /** {@code VideoAttachment._from_graphql}. */
    public static VideoAttachment video(JsonNode data, @Nullable JsonNode size) {
        Set<Image> previews = previews(ImageParser.fromUriOrNull(Py.get(data, "chat_image")),
                ImageParser.fromUriOrNull(Py.get(data, "inbox_image")),
                ImageParser.fromUriOrNull(Py.get(data, "large_image")));
        requireHashable(Py.get(data, "chat_image"), Py.get(data, "inbox_image"), Py.get(data, "large_image"));
        JsonNode dimensions = originalDimensions(data);
        return new VideoAttachment(Py.text(data, "legacy_attachment_id"), size(size),
                Py.integer(Py.get(dimensions, "width")), Py.integer(Py.get(dimensions, "height")),
                Py.millisToTimedelta(Py.get(data, "playable_duration_in_ms")), Py.text(data, "playable_url"), previews);
    }

    /** {@code VideoAttachment._from_subattachment}: a video inside a share. */
    public static VideoAttachment videoFromSubattachment(JsonNode data) {
        JsonNode media = Py.nonNull(data, "media");
        Image image = ImageParser.fromUriOrNull(Py.get(media, "image"));
        requireHashable(Py.get(media, "image"));
        return new VideoAttachment(Py.text(Py.nonNull(data, "target"), "video_id"), null, null, null,
                Py.millisToTimedelta(Py.get(media, "playable_duration_in_ms")), Py.text(media, "playable_url"),
                image == null ? Set.of() : Set.of(image));
    }

    /** {@code VideoAttachment._from_list}: a video of a thread's shared media. */
    public static VideoAttachment videoFromList(JsonNode data) {
        Set<Image> previews = previews(ImageParser.fromUri(Py.req(data, "image")),
                ImageParser.fromUri(Py.req(data, "image1")), ImageParser.fromUri(Py.req(data, "image2")));
        requireHashable(Py.req(data, "image"), Py.req(data, "image1"), Py.req(data, "image2"));
        JsonNode dimensions = Py.nonNull(data, "original_dimensions");
        return new VideoAttachment(Py.strOrNull(Py.req(data, "legacy_attachment_id")), null,
                Py.integer(Py.get(dimensions, "x")), Py.integer(Py.get(dimensions, "y")), null, null, previews);
    }

    /** {@code data.get("original_dimensions", {})}: absent means empty, present {@code null} is an error. */
    private static @Nullable JsonNode originalDimensions(JsonNode data) {
        if (!Py.has(data, "original_dimensions")) {
            return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        JsonNode dimensions = Py.req(data, "original_dimensions");
        if (dimensions.isNull()) {
            throw new DataShapeError("Field 'original_dimensions' is null", data);
        }
        return dimensions;
    }

    /** A file size as given; one that is not a number is left out rather than losing the attachment. */
    private static @Nullable Long size(@Nullable JsonNode size) {
        if (size == null || size.isNull()) {
            return null;
        }
        try {
            return Py.toInt(size);
        }
        catch (dev.fbchat.ParseError ex) {
            return null;
        }
    }

    /** fbchat puts the previews in a set, which hashes each image and so its {@code uri} ({@link Py#hashable}). */
    private static void requireHashable(@Nullable JsonNode... sources) {
        for (JsonNode source : sources) {
            Py.hashable(source != null && source.isObject() ? source.get("uri") : null);
        }
    }

    private static Set<Image> previews(@Nullable Image... images) {
        Set<Image> previews = new LinkedHashSet<>();
        for (Image image : images) {
            if (image != null) {
                previews.add(image);
            }
        }
        return previews;
    }
}
