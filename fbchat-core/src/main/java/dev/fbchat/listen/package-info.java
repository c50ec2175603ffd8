/**
 * The MQTT {@link dev.fbchat.listen.Listener} and its sync state.
 */
@NullMarked
package dev.fbchat.listen;

import org.jspecify.annotations.NullMarked;
