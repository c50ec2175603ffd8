package dev.fbchat.internal;

import java.security.SecureRandom;

/** The client-generated ids Messenger expects on sends and connections. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A message's offline threading id: the time in ms shifted left by 22 bits, plus 22 random bits. */
    public static String offlineThreadingId(long nowMillis) {
        return Long.toUnsignedString((nowMillis << 22) | (RANDOM.nextInt() & 0x3FFFFF));
    }

    /** A message's threading id, {@code <time:random-clientId@mail.projektitan.com>}. */
    public static String threadingId(long nowMillis, String clientId) {
        return "<" + nowMillis + ":" + Integer.toUnsignedString(RANDOM.nextInt()) + "-" + clientId
                + "@mail.projektitan.com>";
    }

    /** A random MQTT session id between 1 and 2^53, as the web client makes one per connection. */
    public static long mqttSessionId() {
        return 1 + (RANDOM.nextLong() >>> 11) % ((1L << 53) - 1);
    }
}
