package dev.fbchat.event;

/**
 * Facebook ended the session (the cookies no longer log in): the listener stops receiving until it logs in again.
 * Not an fbchat event: fbchat's listener raises instead.
 *
 * @param reason what showed it, e.g. the MQTT broker refusing the connection as not authorized
 */
public record LoggedOut(String reason) implements Event {
}
