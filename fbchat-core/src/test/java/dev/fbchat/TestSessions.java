package dev.fbchat;

/** Sessions that make no request, for parsing tests (fbchat's tests build {@code Session} the same way). */
public final class TestSessions {

    private TestSessions() {
    }

    public static Session offline(String userId) {
        return Session.offline(userId);
    }
}
