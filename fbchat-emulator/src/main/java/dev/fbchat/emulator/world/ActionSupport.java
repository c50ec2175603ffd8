package dev.fbchat.emulator.world;

import java.util.Collection;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;

import tools.jackson.databind.node.ObjectNode;

/**
 * What the action families share: finding a thread as it is now, checking who takes part, and
 * logging a delta for each receiver. Every action changes the world and logs its deltas under
 * the {@link World}'s lock, as {@link World#post} does, so every account sees the same order.
 */
abstract class ActionSupport {

    protected final World world;

    ActionSupport(World world) {
        this.world = world;
    }

    /**
     * The thread as it is now. Callers hold the world's lock.
     *
     * @throws NoSuchElementException when there is none
     */
    protected ChatThread thread(String threadId) {
        ChatThread thread = this.world.currentThread(threadId);
        if (thread == null) {
            throw new NoSuchElementException("no thread " + threadId);
        }
        return thread;
    }

    /** A group as it is now; {@link IllegalArgumentException} when the thread is one-to-one. */
    protected ChatThread group(String threadId) {
        ChatThread thread = thread(threadId);
        if (thread.kind() != ThreadKind.GROUP) {
            throw new IllegalArgumentException("thread " + threadId + " is not a group");
        }
        return thread;
    }

    /** Checks that {@code actorId} takes part in the thread. */
    protected static void requireParticipant(ChatThread thread, String actorId) {
        if (!thread.hasParticipant(actorId)) {
            throw new IllegalArgumentException(actorId + " does not take part in thread " + thread.id());
        }
    }

    /** Checks that {@code id} names an account (not a page). */
    protected void requireAccount(String id) {
        if (this.world.account(id).isEmpty()) {
            throw new IllegalArgumentException("no account " + id);
        }
    }

    /**
     * Logs a delta for each receiver that is an account (pages have no log), built for the
     * receiver and its sequence id. Callers hold the world's lock.
     */
    protected void fanOut(Collection<String> receivers, BiFunction<String, Long, ObjectNode> build) {
        for (String receiver : receivers) {
            DeltaLog log = this.world.logOf(receiver);
            if (log != null) {
                log.append(sequenceId -> build.apply(receiver, sequenceId));
            }
        }
    }

    /** A person's name as an admin text gives it to {@code receiverId}: {@code You} for themselves. */
    protected String subject(String personId, String receiverId) {
        return personId.equals(receiverId) ? "You" : this.world.actorName(personId);
    }

    /** A person named as an object of an admin text: {@code you} for the receiver, {@code yourself} for the actor. */
    protected String object(String personId, String actorId, String receiverId) {
        if (personId.equals(actorId)) {
            return personId.equals(receiverId) ? "yourself" : "themselves";
        }
        return personId.equals(receiverId) ? "you" : this.world.actorName(personId);
    }
}
