/**
 * Listening: the listener's lifecycle, and {@code @FbChatListener} methods as application listeners.
 */
@NullMarked
package dev.fbchat.spring.boot.autoconfigure.listener;

import org.jspecify.annotations.NullMarked;
