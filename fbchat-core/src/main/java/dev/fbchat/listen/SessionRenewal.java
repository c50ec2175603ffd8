package dev.fbchat.listen;

import dev.fbchat.FacebookError;
import dev.fbchat.NotLoggedIn;
import dev.fbchat.Session;
import dev.fbchat.event.LoggedOut;

/**
 * How a {@link Listener} logs in again when Facebook ends its session (the MQTT service refuses the connection as not
 * authorized, a sync answer or an HTTP request says "not logged in"). Give one to
 * {@link Listener.Builder#onLoggedOut(SessionRenewal)}:
 *
 * <pre>{@code
 * Listener listener = Listener.builder(session)
 *     .onLoggedOut(loggedOut -> Session.login(email, password, null))
 *     .build();
 * }</pre>
 *
 * The listener first publishes {@link LoggedOut}, then calls {@link #renew} on its own thread, then continues with the
 * new login: the listener's {@link Session} object takes it over ({@link Session#renewFrom}), so the session and every
 * handle made from it work again, and listening resumes after the last delta delivered, losing nothing. Without a
 * renewal, {@link Listener#listen()} ends by throwing {@link NotLoggedIn}.
 */
@FunctionalInterface
public interface SessionRenewal {

    /**
     * Logs the account in again. May block: a login takes a few requests.
     *
     * @param loggedOut what showed that the session had ended
     * @return a logged-in session of the same account
     * @throws NotLoggedIn when the account cannot log in (for example a wrong password): the listener stops, and
     *         {@link Listener#listen()} throws it
     * @throws FacebookError when Facebook could not be reached: the listener tries again after a delay
     */
    Session renew(LoggedOut loggedOut);
}
