package dev.fbchat.emulator.world;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What one account does to its own view of threads and messages: muting, deleting threads and messages for itself,
 * marking a thread as spam. Nobody else sees these changes, so they log no delta.
 */
public final class AccountActions extends ActionSupport {

    AccountActions(World world) {
        super(world);
    }

    /** Changes how {@code accountId} muted a thread it takes part in. */
    public MuteSettings changeMute(String threadId, String accountId, UnaryOperator<MuteSettings> change) {
        synchronized (this.world) {
            requireParticipant(thread(threadId), accountId);
            ThreadState state = this.world.state(threadId);
            MuteSettings changed = change.apply(state.mute(accountId));
            state.mutes.put(accountId, changed);
            return changed;
        }
    }

    /** How {@code accountId} muted a thread. */
    public MuteSettings mute(String threadId, String accountId) {
        synchronized (this.world) {
            return this.world.state(threadId).mute(accountId);
        }
    }

    /**
     * Deletes threads for {@code accountId} alone: they leave its thread list, with their messages up to now, until
     * a new message comes.
     *
     * @throws IllegalArgumentException when the account does not take part in one of them
     */
    public void deleteThreads(String accountId, List<String> threadIds) {
        synchronized (this.world) {
            threadIds.forEach(id -> requireParticipant(thread(id), accountId));
            for (String id : threadIds) {
                this.world.state(id).deletedFor.add(accountId);
                this.world.messages(id).forEach(message -> this.world.hiddenMessages(accountId).add(message.id()));
            }
        }
    }

    /**
     * Deletes messages for {@code accountId} alone: its fetches no longer return them.
     *
     * @return how many of the ids named a message of a thread the account takes part in
     */
    public int deleteMessages(String accountId, List<String> messageIds) {
        synchronized (this.world) {
            Set<String> hidden = this.world.hiddenMessages(accountId);
            int deleted = 0;
            for (ChatThread thread : this.world.threads()) {
                if (!thread.hasParticipant(accountId)) {
                    continue;
                }
                for (StoredMessage message : this.world.messages(thread.id())) {
                    if (messageIds.contains(message.id()) && hidden.add(message.id())) {
                        deleted++;
                    }
                }
            }
            return deleted;
        }
    }

    /** Whether {@code accountId} deleted the thread (and no message came since). */
    public boolean isDeleted(String threadId, String accountId) {
        synchronized (this.world) {
            return this.world.state(threadId).deletedFor.contains(accountId);
        }
    }
}
