/**
 * Files sent to Facebook: {@link dev.fbchat.upload.FileUpload} goes in to {@code Client.upload}, and the
 * {@link dev.fbchat.upload.UploadedFile}s it returns go on to {@code sendFiles}, {@code sendText} or
 * {@code Group.setImage}.
 */
@NullMarked
package dev.fbchat.upload;

import org.jspecify.annotations.NullMarked;
