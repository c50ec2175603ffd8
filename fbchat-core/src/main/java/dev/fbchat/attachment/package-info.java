/**
 * What a message can carry: the sealed {@link dev.fbchat.attachment.Attachment} family (files, images, videos, audio,
 * shares, locations, stickers, unsent placeholders) and {@link dev.fbchat.attachment.Image}.
 */
@NullMarked
package dev.fbchat.attachment;

import org.jspecify.annotations.NullMarked;
