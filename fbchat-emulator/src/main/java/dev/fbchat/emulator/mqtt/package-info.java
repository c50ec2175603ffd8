/**
 * The emulator's MQTT-over-WebSocket service ({@code edge-chat}'s {@code /chat}): cookie
 * authentication, subscriptions, and the sync queues that stream an account's deltas on
 * {@code /t_ms}.
 */
@NullMarked
package dev.fbchat.emulator.mqtt;

import org.jspecify.annotations.NullMarked;
