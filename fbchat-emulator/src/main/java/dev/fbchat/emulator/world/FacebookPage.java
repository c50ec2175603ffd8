package dev.fbchat.emulator.world;

import org.jspecify.annotations.Nullable;

/**
 * A Facebook page: a messaging actor that takes part in one-to-one threads but never logs in.
 *
 * @param id the page id (also the thread id of a conversation with it)
 * @param name the page's name
 * @param username the vanity name of its address
 * @param category its category ({@code category_type}, e.g. {@code RESTAURANT})
 * @param city the name of its city, or {@code null}
 * @param likes how many people like it
 * @param subtitle a line about it, or {@code null}
 */
public record FacebookPage(String id, String name, String username, String category, @Nullable String city, int likes,
        @Nullable String subtitle) {

    /** The page's address. */
    public String url() {
        return "https://www.facebook.com/" + this.username + "/";
    }
}
