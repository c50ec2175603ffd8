package dev.fbchat;

import dev.fbchat.internal.FacebookRequests;
import dev.fbchat.internal.HttpTransport;

/** Sessions that make no request, for parsing tests (fbchat's tests build {@code Session} the same way). */
public final class TestSessions {

    private TestSessions() {
    }

    public static Session offline(String userId) {
        return Session.of(new FacebookRequests(new HttpTransport(SessionOptions.defaults()), userId, "unused", 1));
    }
}
