/**
 * The sample bot: an echo bot that, with no credentials, runs against an embedded
 * {@code fbchat-emulator}.
 */
@NullMarked
package dev.fbchat.sample;

import org.jspecify.annotations.NullMarked;
