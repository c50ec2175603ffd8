/**
 * The starter's metrics support: Micrometer meters of the listener, the dispatch queue and the events.
 */
@NullMarked
package dev.fbchat.spring.boot.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
