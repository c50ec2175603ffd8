/**
 * An offline Messenger: {@link dev.fbchat.emulator.MessengerEmulator} serves Facebook's HTTP
 * endpoints, the MQTT-over-WebSocket service and a driver API on one port. The wire contract
 * is {@code docs/emulator-protocol.md}.
 */
@NullMarked
package dev.fbchat.emulator;

import org.jspecify.annotations.NullMarked;
