package dev.fbchat.thread;

import java.util.LinkedHashMap;
import java.util.Map;

/** The form fields that name a thread as the target of a send, per kind of thread ({@code _to_send_data}). */
final class SendTargets {

    private SendTargets() {
    }

    /**
     * A new, changeable map of the target fields.
     *
     * @throws UnsupportedOperationException for an {@link UnknownThread}, before any request
     */
    static Map<String, String> of(MessengerThread thread) {
        Map<String, String> data = new LinkedHashMap<>();
        if (thread instanceof UnknownThread) {
            throw new UnsupportedOperationException("The kind of thread " + thread.id()
                    + " is unknown: use a User, Group or Page handle to send to it or change it");
        }
        if (thread instanceof Group) {
            data.put("thread_fbid", thread.id());
            return data;
        }
        data.put("other_user_fbid", thread.id());
        if (thread instanceof User) {
            // lets a wave reach the person
            data.put("specific_to_list[0]", "fbid:" + thread.id());
        }
        return data;
    }
}
