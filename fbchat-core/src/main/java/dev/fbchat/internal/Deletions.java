package dev.fbchat.internal;

import java.util.List;

/**
 * Deleting threads or messages for the account alone, one or several at once ({@code _delete_many} of fbchat's
 * threads and messages).
 */
public final class Deletions {

    private Deletions() {
    }

    /**
     * Deletes threads.
     *
     * @throws IllegalArgumentException when there is no id or one is blank, before any request
     */
    public static void threads(FacebookRequests requests, List<String> threadIds) {
        requests.writePayload("/ajax/mercury/delete_thread.php", FormValues.numbered("ids", threadIds, "thread"));
    }

    /**
     * Deletes messages.
     *
     * @throws IllegalArgumentException when there is no id or one is blank, before any request
     */
    public static void messages(FacebookRequests requests, List<String> messageIds) {
        requests.writePayload("/ajax/mercury/delete_messages.php?dpr=1",
                FormValues.numbered("message_ids", messageIds, "message"));
    }
}
