package dev.fbchat.spring;

import dev.fbchat.event.Event;

/**
 * Decides what the failure of an {@link FbChatListener} handler means: of the handler method itself, of its
 * {@code condition}, or of sending its reply. Declare a bean of this type to replace the default, which logs each
 * failure once with the handler's name and counts it. The failure never reaches other handlers or the listener.
 */
@FunctionalInterface
public interface FbChatErrorHandler {

    /**
     * Handles one failure, on the worker that ran the handler.
     *
     * @param handler the handler, as {@code BeanClass.method}
     * @param event the event it was handling
     * @param error what it threw
     */
    void handleError(String handler, Event event, Throwable error);
}
