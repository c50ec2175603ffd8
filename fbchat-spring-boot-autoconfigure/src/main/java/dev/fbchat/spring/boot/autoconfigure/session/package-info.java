/**
 * Session bootstrap: saved cookies first, login second, cookies saved back.
 */
@NullMarked
package dev.fbchat.spring.boot.autoconfigure.session;

import org.jspecify.annotations.NullMarked;
