package dev.fbchat.emulator.world;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

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

    ThreadState(long createdAt) {
        this.createdAt = createdAt;
    }

    Folder folder(String accountId) {
        return this.folders.getOrDefault(accountId, Folder.INBOX);
    }
}
