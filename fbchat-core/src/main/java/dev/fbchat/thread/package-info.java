/**
 * Thread handles: {@link dev.fbchat.thread.User}, {@link dev.fbchat.thread.Group}, {@link dev.fbchat.thread.Page} and threads of unknown kind.
 */
@NullMarked
package dev.fbchat.thread;

import org.jspecify.annotations.NullMarked;
