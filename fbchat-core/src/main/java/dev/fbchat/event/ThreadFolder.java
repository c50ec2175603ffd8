package dev.fbchat.event;

import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.ThreadLocation;

/**
 * A thread was moved to a folder, e.g. a message request from someone the account is not connected with
 * arrived in PENDING; read it with {@code fetchMessages}.
 *
 * @param thread the thread
 * @param folder the folder
 */
public record ThreadFolder(MessengerThread thread, ThreadLocation folder) implements Event {
}
