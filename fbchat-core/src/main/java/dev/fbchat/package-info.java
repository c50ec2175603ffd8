/**
 * fbchat for Java: an unofficial Facebook Messenger client that works with a normal user
 * account. Start with {@link dev.fbchat.Session#login}, then use {@link dev.fbchat.Client},
 * the thread handles in {@link dev.fbchat.thread} and the {@link dev.fbchat.listen.Listener}.
 */
@NullMarked
package dev.fbchat;

import org.jspecify.annotations.NullMarked;
