/**
 * The emulator's HTTP side: Facebook's login pages and home page, the {@code /api} and
 * {@code /messaging} endpoints, the read endpoints (GraphQL documents and payload posts, with
 * their JSON shapes in the {@code *Shapes} classes), the JSON driver API, and the hand-over of
 * {@code /chat} WebSocket upgrades to the MQTT side. One Netty handler routes; one class per
 * endpoint family.
 */
@NullMarked
package dev.fbchat.emulator.web;

import org.jspecify.annotations.NullMarked;
