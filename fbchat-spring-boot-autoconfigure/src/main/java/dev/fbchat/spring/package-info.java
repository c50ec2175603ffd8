/**
 * The Spring face of fbchat: the {@link dev.fbchat.spring.FbChatListener} annotation and the {@link dev.fbchat.spring.FbChatCookieStore} contract.
 */
@NullMarked
package dev.fbchat.spring;

import org.jspecify.annotations.NullMarked;
