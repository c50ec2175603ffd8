/**
 * Messages and the data parsed from them.
 */
@NullMarked
package dev.fbchat.message;

import org.jspecify.annotations.NullMarked;
