package dev.fbchat.spring;

import java.util.List;
import java.util.Objects;

import dev.fbchat.message.Mention;
import dev.fbchat.message.MentionFormatter;
import dev.fbchat.upload.UploadedFile;
import org.jspecify.annotations.Nullable;

/**
 * A reply an {@link FbChatListener} returns when a plain {@code String} is not enough: a text with mentions, uploaded
 * files, or an answer to the message handled. A handler may also return a collection of replies (or texts), sent in
 * order.
 *
 * @param text the text; may be empty only with files
 * @param mentions mentions inside the text
 * @param files uploaded files ({@code Client.upload})
 * @param quote whether the reply answers the handled message (Messenger shows it as a reply to it)
 */
public record Reply(String text, List<Mention> mentions, List<UploadedFile> files, boolean quote) {

    public Reply {
        Objects.requireNonNull(text, "text");
        mentions = List.copyOf(mentions);
        files = List.copyOf(files);
    }

    /** A text. */
    public static Reply text(String text) {
        return new Reply(text, List.of(), List.of(), false);
    }

    /** A text with mentions, such as {@code Message.formatMentions} makes. */
    public static Reply mentioning(MentionFormatter.Result formatted) {
        return new Reply(formatted.text(), formatted.mentions(), List.of(), false);
    }

    /** Files, with a text or an empty one. */
    public static Reply files(@Nullable String text, List<UploadedFile> files) {
        return new Reply(text == null ? "" : text, List.of(), files, false);
    }

    /** This reply as an answer to the handled message. */
    public Reply quoting() {
        return new Reply(this.text, this.mentions, this.files, true);
    }
}
