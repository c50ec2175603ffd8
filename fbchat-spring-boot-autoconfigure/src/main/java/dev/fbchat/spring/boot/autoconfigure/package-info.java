/**
 * Auto-configuration of fbchat's {@code Session}, {@code Client} and {@code Listener}.
 */
@NullMarked
package dev.fbchat.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
