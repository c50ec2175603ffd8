/**
 * The emulator's state: accounts, login sessions, threads and messages, and each account's
 * log of sync deltas. {@link dev.fbchat.emulator.world.World} is the one thread-safe entry.
 */
@NullMarked
package dev.fbchat.emulator.world;

import org.jspecify.annotations.NullMarked;
