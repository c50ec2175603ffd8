package dev.fbchat.thread;

import java.util.Map;

/** The form field that names a thread as the target of a send, per kind of thread. */
final class SendTargets {

    private SendTargets() {
    }

    static Map<String, String> of(MessengerThread thread) {
        if (thread instanceof Group) {
            return Map.of("thread_fbid", thread.id());
        }
        if (thread instanceof UnknownThread) {
            throw new UnsupportedOperationException("The kind of thread " + thread.id()
                    + " is unknown: use a User, Group or Page handle to send to it");
        }
        return Map.of("other_user_fbid", thread.id());
    }
}
