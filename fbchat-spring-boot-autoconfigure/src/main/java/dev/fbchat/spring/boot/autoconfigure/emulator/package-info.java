/**
 * The starter's embedded-emulator mode ({@code fbchat.emulator.enabled}): a bot that runs against an offline
 * Messenger when no account is configured.
 */
@NullMarked
package dev.fbchat.spring.boot.autoconfigure.emulator;

import org.jspecify.annotations.NullMarked;
