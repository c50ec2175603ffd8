/**
 * Not API. One small parser per model, each a port of the fbchat function it names, branch for branch: Facebook's
 * GraphQL, pull (MQTT delta) and reply shapes in, immutable records out. Built on {@link dev.fbchat.internal.parse.Py},
 * which reads JSON with Python's semantics.
 */
@NullMarked
package dev.fbchat.internal.parse;

import org.jspecify.annotations.NullMarked;
