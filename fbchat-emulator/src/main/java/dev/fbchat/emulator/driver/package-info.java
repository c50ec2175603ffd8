/**
 * A Java client of the emulator's JSON driver API ({@code /_emulator/...}): play the other
 * people in a conversation and look at what the bot did, from tests.
 */
@NullMarked
package dev.fbchat.emulator.driver;

import org.jspecify.annotations.NullMarked;
