/**
 * The sealed family of events Messenger pushes, and the public {@link dev.fbchat.event.EventParser}.
 */
@NullMarked
package dev.fbchat.event;

import org.jspecify.annotations.NullMarked;
