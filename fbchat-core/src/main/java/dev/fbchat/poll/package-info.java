/**
 * Polls of a group thread: {@link dev.fbchat.poll.Poll} and its {@link dev.fbchat.poll.PollOption}s.
 */
@NullMarked
package dev.fbchat.poll;

import org.jspecify.annotations.NullMarked;
