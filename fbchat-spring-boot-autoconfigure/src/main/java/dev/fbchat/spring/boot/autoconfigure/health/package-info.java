/**
 * The starter's health support: the {@code fbchat} health indicator.
 */
@NullMarked
package dev.fbchat.spring.boot.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
