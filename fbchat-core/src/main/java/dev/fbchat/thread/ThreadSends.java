package dev.fbchat.thread;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.fbchat.internal.FormValues;
import dev.fbchat.internal.MimeTypes;
import dev.fbchat.message.EmojiSize;
import dev.fbchat.message.Mention;
import dev.fbchat.upload.UploadedFile;
import org.jspecify.annotations.Nullable;

/**
 * The messages a thread can be sent through {@code /messaging/send/} ({@code ThreadABC.wave}, {@code send_*} in
 * fbchat): each builds fbchat's form and checks its arguments before any request.
 */
final class ThreadSends {

    private static final String USER_MESSAGE = "ma-type:user-generated-message";

    private ThreadSends() {
    }

    static String wave(MessengerThread thread, boolean first) {
        Map<String, String> data = SendTargets.of(thread);
        data.put("action_type", USER_MESSAGE);
        data.put("lightweight_action_attachment[lwa_state]", first ? "INITIATED" : "RECIPROCATED");
        data.put("lightweight_action_attachment[lwa_type]", "WAVE");
        return send(thread, data);
    }

    static String text(MessengerThread thread, @Nullable String text, List<Mention> mentions, List<UploadedFile> files,
            @Nullable String replyToId) {
        Objects.requireNonNull(mentions, "mentions");
        Objects.requireNonNull(files, "files");
        if ((text == null || text.isEmpty()) && files.isEmpty()) {
            throw new IllegalArgumentException("A message needs a text or files: the text is empty and there are no files");
        }
        if (!mentions.isEmpty() && text == null) {
            throw new IllegalArgumentException("Mentions need a text to point into");
        }
        for (Mention mention : mentions) {
            requireInside(Objects.requireNonNull(mention, "mention"), text);
        }
        if (replyToId != null && replyToId.isBlank()) {
            throw new IllegalArgumentException("replyToId is blank: give the id of the message to reply to, or null");
        }
        Map<String, String> data = SendTargets.of(thread);
        data.put("action_type", USER_MESSAGE);
        if (text != null) {
            data.put("body", text);
        }
        for (int i = 0; i < mentions.size(); i++) {
            Mention mention = mentions.get(i);
            data.put("profile_xmd[" + i + "][id]", mention.threadId());
            data.put("profile_xmd[" + i + "][offset]", Integer.toString(mention.offset()));
            data.put("profile_xmd[" + i + "][length]", Integer.toString(mention.length()));
            data.put("profile_xmd[" + i + "][type]", "p");
        }
        if (!files.isEmpty()) {
            data.put("has_attachment", FormValues.bool(true));
        }
        for (int i = 0; i < files.size(); i++) {
            UploadedFile file = Objects.requireNonNull(files.get(i), "file");
            data.put(MimeTypes.uploadKey(file.mimeType()) + "s[" + i + "]", file.id());
        }
        if (replyToId != null) {
            data.put("replied_to_message_id", replyToId);
        }
        return send(thread, data);
    }

    static String emoji(MessengerThread thread, String emoji, EmojiSize size) {
        FormValues.nonBlank(emoji, "The emoji to send");
        Objects.requireNonNull(size, "size");
        Map<String, String> data = SendTargets.of(thread);
        data.put("action_type", USER_MESSAGE);
        data.put("body", emoji);
        data.put("tags[0]", "hot_emoji_size:" + size.name().toLowerCase(java.util.Locale.ROOT));
        return send(thread, data);
    }

    static String sticker(MessengerThread thread, String stickerId) {
        FormValues.nonBlank(stickerId, "The sticker id");
        Map<String, String> data = SendTargets.of(thread);
        data.put("action_type", USER_MESSAGE);
        data.put("sticker_id", stickerId);
        return send(thread, data);
    }

    static String location(MessengerThread thread, boolean current, double latitude, double longitude) {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("Not a place on Earth: latitude " + latitude + " (from -90 to 90), "
                    + "longitude " + longitude + " (from -180 to 180)");
        }
        Map<String, String> data = SendTargets.of(thread);
        data.put("action_type", USER_MESSAGE);
        data.put("location_attachment[coordinates][latitude]", FormValues.decimal(latitude));
        data.put("location_attachment[coordinates][longitude]", FormValues.decimal(longitude));
        data.put("location_attachment[is_current_location]", FormValues.bool(current));
        return send(thread, data);
    }

    private static void requireInside(Mention mention, @Nullable String text) {
        int length = text == null ? 0 : text.length();
        if (mention.threadId() == null || mention.threadId().isBlank()) {
            throw new IllegalArgumentException("A mention needs the id of who it mentions: " + mention);
        }
        if (mention.offset() < 0 || mention.length() <= 0 || mention.offset() + mention.length() > length) {
            throw new IllegalArgumentException("The mention " + mention + " does not lie inside the text of "
                    + length + " characters");
        }
    }

    private static String send(MessengerThread thread, Map<String, String> data) {
        return thread.session().requests().sendMessage(data).messageId();
    }
}
