package dev.fbchat;

/**
 * The session is not (or no longer) logged in, or a login attempt failed. When a login fails
 * the message is Facebook's own explanation, such as
 * {@code "The password you entered is incorrect. Did you forget your password?"}.
 */
public class NotLoggedIn extends FacebookError {

    private static final long serialVersionUID = 1L;

    public NotLoggedIn(String message) {
        super(message);
    }
}
