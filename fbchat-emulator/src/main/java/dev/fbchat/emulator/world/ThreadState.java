package dev.fbchat.emulator.world;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The changeable side of one thread beyond its messages: settings, each participant's folder
 * and read watermark, and when it began. Guarded by the {@link World}'s lock; read through
 * {@link ThreadView} snapshots.
 */
final class ThreadState {

    ThreadSettings settings = ThreadSettings.DEFAULT;

    final Map<String, Folder> folders = new HashMap<>();

    final Map<String, Long> readWatermarks = new LinkedHashMap<>();

    long createdAt;

    /** Every participant's delivery watermark (ms): messages of others up to it reached them. */
    final Map<String, Long> deliveredWatermarks = new LinkedHashMap<>();

    /** The call going on, or {@code null}. */
    @Nullable OngoingCall call;

    /** Live locations shared in the thread, by sharer. */
    final Map<String, LiveLocation> liveLocations = new LinkedHashMap<>();

    /** How each account muted the thread. */
    final Map<String, MuteSettings> mutes = new HashMap<>();

    /** The accounts that deleted the thread for themselves; a new message brings it back. */
    final Set<String> deletedFor = new HashSet<>();

    /** The thread's queue sequence ({@code tqSeqId} of its log messages). */
    private long queueSequence = 1000;

    ThreadState(long createdAt) {
        this.createdAt = createdAt;
    }

    Folder folder(String accountId) {
        return this.folders.getOrDefault(accountId, Folder.INBOX);
    }

    MuteSettings mute(String accountId) {
        return this.mutes.getOrDefault(accountId, MuteSettings.NONE);
    }

    /** The next {@code tqSeqId} of the thread. */
    long nextQueueSequence() {
        return ++this.queueSequence;
    }
}
