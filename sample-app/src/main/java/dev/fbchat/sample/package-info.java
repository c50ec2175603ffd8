/**
 * The sample bots of fbchat's documentation, chosen with {@code sample.bot}: {@code echobot} (the default),
 * {@code removebot}, {@code keepbot} ("prevent changes") and {@code fetch}. With no credentials they run against an
 * embedded {@code fbchat-emulator}.
 */
@NullMarked
package dev.fbchat.sample;

import org.jspecify.annotations.NullMarked;
