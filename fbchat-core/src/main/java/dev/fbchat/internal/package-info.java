/**
 * Not API: the HTTP transport, the GraphQL batch codec, HTML and JSON parsing helpers. May change in any release.
 */
@NullMarked
package dev.fbchat.internal;

import org.jspecify.annotations.NullMarked;
