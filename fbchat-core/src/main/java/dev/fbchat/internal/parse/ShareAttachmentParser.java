package dev.fbchat.internal.parse;

import java.util.ArrayList;
import java.util.List;

import dev.fbchat.attachment.Attachment;
import dev.fbchat.attachment.Image;
import dev.fbchat.attachment.ShareAttachment;
import dev.fbchat.internal.QueryStrings;
import tools.jackson.databind.JsonNode;

/** Parses {@link ShareAttachment} ({@code ShareAttachment._from_graphql}): a shared link or post. */
public final class ShareAttachmentParser {

    private ShareAttachmentParser() {
    }

    /** A share from a GraphQL {@code story_attachment}. */
    public static ShareAttachment fromGraphql(JsonNode data) {
        Image image = null;
        String originalImageUrl = null;
        JsonNode media = Py.get(data, "media");
        if (Py.truthy(media) && Py.truthy(media, "image")) {
            image = ImageParser.fromUri(Py.get(media, "image"));
            // Python's `in`: a URL that is not a text either fails (a number) or holds no such text
            JsonNode imageUri = Py.req(Py.get(media, "image"), "uri");
            originalImageUrl = Py.contains(imageUri, "/safe_image.php")
                    ? QueryStrings.parameter(text(imageUri, data), "url") : image.url();
        }
        JsonNode urlNode = Py.get(data, "url");
        String url = Py.strOrNull(urlNode);
        JsonNode target = Py.nonNull(data, "target");
        String author = Py.truthy(target, "actors")
                ? Py.strOrNull(Py.req(Py.list(Py.get(target, "actors")).get(0), "id")) : null;
        String originalUrl = Py.contains(urlNode, "/l.php?u=") ? QueryStrings.parameter(text(urlNode, data), "u") : url;
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode subattachment : Py.iterate(Py.get(data, "subattachments"))) {
            attachments.add(FileAttachmentParser.subattachment(subattachment));
        }
        return new ShareAttachment(Py.text(data, "deduplication_key"), author, url, originalUrl,
                Py.text(Py.nonNull(data, "title_with_entities"), "text"),
                Py.truthy(data, "description") ? Py.text(Py.get(data, "description"), "text") : null,
                Py.truthy(data, "source") ? Py.text(Py.get(data, "source"), "text") : null, image, originalImageUrl,
                attachments);
    }

    /** A URL to read a parameter from, which only a text has. */
    private static String text(JsonNode url, JsonNode data) {
        if (!url.isString()) {
            throw new DataShapeError("A share's URL is not a text: " + url, data);
        }
        return url.stringValue();
    }
}
