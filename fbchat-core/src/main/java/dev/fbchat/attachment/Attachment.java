package dev.fbchat.attachment;

import org.jspecify.annotations.Nullable;

/** Something attached to a message. Switch over the permitted records to tell the kinds apart. */
public sealed interface Attachment permits UnknownAttachment, UnsentMessage, ShareAttachment, FileAttachment,
        AudioAttachment, ImageAttachment, VideoAttachment, LocationAttachment, LiveLocationAttachment, Sticker {

    /** The attachment's id, when Facebook gave one. */
    @Nullable String id();
}
