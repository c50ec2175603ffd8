package dev.fbchat.emulator.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.fbchat.emulator.Account;

/** Who is who beyond the accounts: profiles, pages and friendships. Thread-safe. */
public final class People {

    private final Map<String, UserProfile> profiles = new LinkedHashMap<>();

    private final Map<String, FacebookPage> pages = new LinkedHashMap<>();

    private final Set<List<String>> friendships = new LinkedHashSet<>();

    /** Blocks, as {@code [blocker, blocked]}. */
    private final Set<List<String>> blocks = new LinkedHashSet<>();

    /** The account's profile: the one given, or one derived from its name and email. */
    public synchronized UserProfile profile(Account account) {
        UserProfile profile = this.profiles.get(account.id());
        return profile != null ? profile : UserProfile.derivedFrom(account);
    }

    /** Gives an account its profile. */
    public synchronized void putProfile(UserProfile profile) {
        this.profiles.put(profile.accountId(), profile);
    }

    public synchronized List<FacebookPage> pages() {
        return List.copyOf(this.pages.values());
    }

    public synchronized Optional<FacebookPage> page(String id) {
        return Optional.ofNullable(this.pages.get(id));
    }

    synchronized void addPage(FacebookPage page) {
        this.pages.put(page.id(), page);
    }

    /** Blocks ({@code blocked}) or unblocks the messages of {@code blockedId} for {@code blockerId}. */
    public synchronized void setBlocked(String blockerId, String blockedId, boolean blocked) {
        if (blocked) {
            this.blocks.add(List.of(blockerId, blockedId));
        }
        else {
            this.blocks.remove(List.of(blockerId, blockedId));
        }
    }

    /** Whether {@code viewerId} blocked the messages of {@code otherId}. */
    public synchronized boolean hasBlocked(String viewerId, String otherId) {
        return this.blocks.contains(List.of(viewerId, otherId));
    }

    /** The people {@code blockerId} blocked, in the order blocked. */
    public synchronized List<String> blockedBy(String blockerId) {
        return this.blocks.stream().filter(block -> block.get(0).equals(blockerId)).map(block -> block.get(1)).toList();
    }

    /** Whether two people are friends. */
    public synchronized boolean areFriends(String first, String second) {
        return this.friendships.contains(pair(first, second));
    }

    /** Makes two people friends. */
    public synchronized void befriend(String first, String second) {
        if (!first.equals(second)) {
            this.friendships.add(pair(first, second));
        }
    }

    /** Ends the friendship of two people, if any. */
    public synchronized void unfriend(String first, String second) {
        this.friendships.remove(pair(first, second));
    }

    /** A person's friends, in the order the friendships were made. */
    public synchronized List<String> friendsOf(String id) {
        List<String> friends = new ArrayList<>();
        for (List<String> friendship : this.friendships) {
            if (friendship.get(0).equals(id)) {
                friends.add(friendship.get(1));
            }
            else if (friendship.get(1).equals(id)) {
                friends.add(friendship.get(0));
            }
        }
        return friends;
    }

    private static List<String> pair(String first, String second) {
        return first.compareTo(second) <= 0 ? List.of(first, second) : List.of(second, first);
    }
}
