/**
 * Test support for bots built on fbchat: {@link dev.fbchat.test.AutoConfigureFbChatEmulator} points a
 * {@code @SpringBootTest} at a fresh Messenger emulator, {@link dev.fbchat.test.FbChatEmulatorExtension} gives plain
 * JUnit 5 tests one, and {@link dev.fbchat.test.Conversation} says things as a person and expects the bot's replies.
 */
@NullMarked
package dev.fbchat.test;

import org.jspecify.annotations.NullMarked;
