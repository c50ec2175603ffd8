/**
 * The emulator's state: accounts, login sessions, threads and messages, and each account's
 * log of sync deltas; for the read side also profiles, pages and friendships, thread
 * settings, folders and read state, polls and plans, and the seeded history.
 * {@link dev.fbchat.emulator.world.World} is the one thread-safe entry.
 */
@NullMarked
package dev.fbchat.emulator.world;

import org.jspecify.annotations.NullMarked;
