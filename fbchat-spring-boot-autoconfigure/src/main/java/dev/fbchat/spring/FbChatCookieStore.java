package dev.fbchat.spring;

import java.util.Map;
import java.util.Optional;

/**
 * Where a bot keeps its Messenger session's cookies between runs, so that it does not log in
 * again at every start. The default keeps them in a file; declare a bean of this type to keep
 * them elsewhere. Cookies are secrets: implementations must not log them.
 */
public interface FbChatCookieStore {

    /** The saved cookies, or empty when none were saved (or they cannot be read). */
    Optional<Map<String, String>> load();

    /**
     * Whether cookies may be saved, answered cheaply: when so, the starter starts the application without restoring
     * them, and restores them (or logs in, when they no longer do) at the session's first use, normally when the
     * listener connects. The default asks {@link #load()}; a store that can answer without reading (a file store from
     * the file's presence) should.
     */
    default boolean hasSavedCookies() {
        return load().isPresent();
    }

    /** Saves the cookies, replacing any saved before. */
    void save(Map<String, String> cookies);

    /**
     * How log lines name this store, never holding a cookie: its class by default, as a store's {@code toString()} (a
     * record's, say) could print what it holds.
     */
    default String description() {
        return getClass().getName();
    }
}
