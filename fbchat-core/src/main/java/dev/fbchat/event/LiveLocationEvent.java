package dev.fbchat.event;

import dev.fbchat.attachment.LiveLocationAttachment;
import dev.fbchat.message.Message;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.User;

/**
 * Someone shares their live location, or stopped. (fbchat parses these and drops them; this library delivers
 * them.)
 *
 * @param author who did it
 * @param thread where
 * @param message the message the location belongs to
 * @param location the location
 */
public record LiveLocationEvent(User author, MessengerThread thread, Message message, LiveLocationAttachment location) implements ThreadEvent {
}
