package dev.fbchat.emulator.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.DeltaShapes.AdminText;
import dev.fbchat.emulator.world.DeltaShapes.LogMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What people do to messages and threads: react, unsend, share a live location; a group's title,
 * people, administrators and approval mode; a thread's colour, emoji, nicknames and picture.
 * Each action changes the world and logs, under the world's lock, the delta Facebook sends for
 * it to every participant account, the actor included (docs/emulator-protocol.md,
 * "Real-time events"). The driver API and the Messenger endpoints share these.
 */
public final class ThreadActions extends ActionSupport {

    /** Messenger's default colour, stored as none. */
    static final String DEFAULT_COLOR = "#0084ff";

    /** Names of the colours fbchat can set, as {@code accessibility_label} gives them. */
    private static final Map<String, String> COLOR_NAMES = Map.ofEntries(Map.entry("#0084ff", "Default"),
            Map.entry("#44bec7", "Teal Blue"), Map.entry("#ffc300", "Yellow"), Map.entry("#fa3c4c", "Red"),
            Map.entry("#d696bb", "Pink"), Map.entry("#6699cc", "Sky Blue"), Map.entry("#13cf13", "Green"),
            Map.entry("#ff7e29", "Orange"), Map.entry("#e68585", "Coral"), Map.entry("#7646ff", "Purple"),
            Map.entry("#20cef5", "Aqua"), Map.entry("#67b868", "Mint"), Map.entry("#d4a88c", "Tan"),
            Map.entry("#ff5ca1", "Hot Pink"), Map.entry("#a695c7", "Lavender"), Map.entry("#ff7ca8", "Bubble Gum"),
            Map.entry("#1adb5b", "Lime"), Map.entry("#f01d6a", "Berry"), Map.entry("#ff9c19", "Tangerine"),
            Map.entry("#0edcde", "Turquoise"));

    ThreadActions(World world) {
        super(world);
    }

    // ---- Messages ----

    /**
     * {@code actorId} reacts to a message ({@code reaction} {@code null} removes their reaction):
     * {@code ClientPayload} of {@code deltaMessageReaction}. The reaction shows in {@code message_reactions}.
     *
     * @throws IllegalArgumentException when the actor does not take part, or the message is not the thread's or is unsent
     */
    public StoredMessage react(String threadId, String actorId, String messageId, @Nullable String reaction) {
        synchronized (this.world) {
            ChatThread thread = thread(threadId);
            requireParticipant(thread, actorId);
            if (reaction != null && reaction.isEmpty()) {
                throw new IllegalArgumentException("a reaction is a non-empty text, or null to remove one");
            }
            List<StoredMessage> history = this.world.history(thread.id());
            int index = indexOf(history, thread, messageId);
            StoredMessage message = history.get(index);
            if (message.isUnsent()) {
                throw new IllegalArgumentException("message " + messageId + " was unsent");
            }
            Map<String, String> reactions = new LinkedHashMap<>(message.reactions());
            if (reaction == null) {
                reactions.remove(actorId);
            }
            else {
                reactions.put(actorId, reaction);
            }
            StoredMessage reacted = message.withReactions(reactions);
            history.set(index, reacted);
            String offlineThreadingId = RandomTokens.digits(19);
            fanOut(thread.participants(), (receiver, sequenceId) -> {
                ObjectNode delta = EmulatorJson.MAPPER.createObjectNode();
                delta.set("threadKey", DeltaShapes.numericThreadKey(thread, receiver));
                delta.put("messageId", messageId);
                delta.put("action", reaction == null ? 1 : 0);
                DeltaShapes.putNumber(delta, "userId", actorId);
                if (reaction != null) {
                    delta.put("reaction", reaction);
                }
                DeltaShapes.putNumber(delta, "senderId", message.authorId());
                delta.put("offlineThreadingId", offlineThreadingId);
                return DeltaShapes.clientPayload(EmulatorJson.MAPPER.createObjectNode().set("deltaMessageReaction", delta));
            });
            return reacted;
        }
    }

    /**
     * The author unsends their message (deletes it for everyone): {@code ClientPayload} of
     * {@code deltaRecallMessageData}. The message keeps its place and reads as unsent.
     *
     * @throws IllegalArgumentException when the actor is not its author, or it was unsent already
     */
    public StoredMessage unsend(String threadId, String actorId, String messageId) {
        synchronized (this.world) {
            ChatThread thread = thread(threadId);
            requireParticipant(thread, actorId);
            List<StoredMessage> history = this.world.history(thread.id());
            int index = indexOf(history, thread, messageId);
            StoredMessage message = history.get(index);
            if (!message.authorId().equals(actorId)) {
                throw new IllegalArgumentException("only its author " + message.authorId() + " can unsend " + messageId);
            }
            if (message.isUnsent()) {
                throw new IllegalArgumentException("message " + messageId + " was unsent already");
            }
            long at = System.currentTimeMillis();
            StoredMessage unsent = message.unsent(at);
            history.set(index, unsent);
            fanOut(thread.participants(), (receiver, sequenceId) -> {
                ObjectNode delta = EmulatorJson.MAPPER.createObjectNode();
                delta.set("threadKey", DeltaShapes.numericThreadKey(thread, receiver));
                delta.put("messageID", messageId);
                delta.put("deletionTimestamp", at);
                DeltaShapes.putNumber(delta, "senderID", actorId);
                delta.put("timestamp", at);
                return DeltaShapes.clientPayload(EmulatorJson.MAPPER.createObjectNode().set("deltaRecallMessageData", delta));
            });
            return unsent;
        }
    }

    /**
     * {@code actorId} shares (or updates, or stops sharing) their live location: {@code ClientPayload}
     * of {@code liveLocationData} with one {@code messageLiveLocations} entry. The share keeps its
     * id and message id until it stops.
     */
    public LiveLocation shareLiveLocation(String threadId, String actorId, double latitude, double longitude,
            @Nullable String title, long expiresAt, boolean stop) {
        synchronized (this.world) {
            ChatThread thread = thread(threadId);
            requireParticipant(thread, actorId);
            ThreadState state = this.world.state(thread.id());
            LiveLocation previous = state.liveLocations.get(actorId);
            boolean continues = previous != null && !previous.stopped();
            LiveLocation location = new LiveLocation(continues ? previous.id() : RandomTokens.digits(16),
                    continues ? previous.messageId() : "mid.$" + RandomTokens.urlSafe(24), actorId, latitude, longitude,
                    title, expiresAt, stop);
            state.liveLocations.put(actorId, location);
            String offlineThreadingId = RandomTokens.digits(19);
            fanOut(thread.participants(), (receiver, sequenceId) -> {
                ObjectNode data = EmulatorJson.MAPPER.createObjectNode();
                data.set("threadKey", DeltaShapes.numericThreadKey(thread, receiver));
                data.put("messageId", location.messageId());
                ObjectNode entry = data.putArray("messageLiveLocations").addObject();
                DeltaShapes.putNumber(entry, "id", location.id());
                ObjectNode coordinate = entry.putObject("coordinate");
                coordinate.put("latitude", Math.round(latitude * 1e8));
                coordinate.put("longitude", Math.round(longitude * 1e8));
                if (title != null) {
                    entry.put("locationTitle", title);
                }
                entry.put("expirationTime", expiresAt);
                DeltaShapes.putNumber(entry, "senderId", actorId);
                entry.put("offlineThreadingId", offlineThreadingId);
                if (stop) {
                    entry.put("stopReason", 1);
                }
                return DeltaShapes.clientPayload(EmulatorJson.MAPPER.createObjectNode().set("liveLocationData", data));
            });
            return location;
        }
    }

    // ---- A group's title, people and administration ----

    /** Names a group ({@code null} or empty removes the name): {@code ThreadName}. */
    public ChatThread setTitle(String threadId, String actorId, @Nullable String title) {
        synchronized (this.world) {
            ChatThread thread = group(threadId);
            requireParticipant(thread, actorId);
            String name = title == null ? "" : title;
            ChatThread renamed = new ChatThread(thread.id(), thread.kind(), name, thread.participants());
            this.world.replaceThread(renamed);
            LogMessage log = log(renamed, actorId);
            fanOut(renamed.participants(), (receiver, sequenceId) -> {
                String text = subject(actorId, receiver)
                        + (name.isEmpty() ? " removed the group name." : " named the group " + name + ".");
                ObjectNode delta = log.delta(receiver, sequenceId, List.of("DeltaThreadName", "is_from_iris_fanout"), text,
                        List.of(), false, "KEEP_AS_IS");
                delta.put("name", name);
                delta.put("class", "ThreadName");
                return delta;
            });
            return renamed;
        }
    }

    /**
     * Adds accounts to a group: {@code ParticipantsAddedToGroupThread}, to everyone in it after,
     * the added people included. They show in {@code all_participants}.
     *
     * @throws IllegalArgumentException when one is no account or takes part already, or none is given
     */
    public ChatThread addParticipants(String threadId, String actorId, List<String> accountIds) {
        synchronized (this.world) {
            addParticipantsLogged(threadId, actorId, accountIds);
            return thread(threadId);
        }
    }

    /**
     * {@link #addParticipants} as a client asks for it, by sending a {@code log:subscribe} log message.
     *
     * @return the log message's id and time
     */
    public SentLog addParticipantsByMessage(String threadId, String actorId, List<String> accountIds) {
        synchronized (this.world) {
            LogMessage log = addParticipantsLogged(threadId, actorId, accountIds);
            return new SentLog(log.messageId(), log.timestamp());
        }
    }

    /**
     * An administrator answers requests to join a group: accepted people are added
     * ({@link #addParticipants}), denied ones leave the queue.
     *
     * @throws IllegalArgumentException when the actor is no administrator or someone did not ask to join
     */
    public ThreadSettings answerJoinRequests(String threadId, String actorId, List<String> accountIds, boolean accept) {
        synchronized (this.world) {
            ChatThread thread = group(threadId);
            requireParticipant(thread, actorId);
            ThreadState state = this.world.state(thread.id());
            if (!state.settings.admins().contains(actorId)) {
                throw new IllegalArgumentException(actorId + " is no administrator of " + threadId);
            }
            if (accountIds.isEmpty() || !state.settings.approvalRequests().containsAll(accountIds)) {
                throw new IllegalArgumentException("not everyone asked to join " + threadId);
            }
            if (accept) {
                addParticipantsLogged(threadId, actorId, accountIds);
            }
            else {
                ThreadSettings settings = state.settings;
                state.settings = new ThreadSettings(settings.imageUrl(), settings.color(), settings.emoji(),
                        settings.nicknames(), settings.admins(), settings.approvalMode(),
                        settings.approvalRequests().stream().filter(id -> !accountIds.contains(id)).toList(),
                        settings.joinLink());
            }
            return state.settings;
        }
    }

    /**
     * A log message a client sent.
     *
     * @param messageId its id
     * @param timestamp its time (ms)
     */
    public record SentLog(String messageId, long timestamp) {
    }

    private LogMessage addParticipantsLogged(String threadId, String actorId, List<String> accountIds) {
        synchronized (this.world) {
            ChatThread thread = group(threadId);
            requireParticipant(thread, actorId);
            List<String> added = accountIds.stream().distinct().toList();
            if (added.isEmpty()) {
                throw new IllegalArgumentException("nobody to add");
            }
            for (String id : added) {
                requireAccount(id);
                if (thread.hasParticipant(id)) {
                    throw new IllegalArgumentException(id + " takes part in thread " + threadId + " already");
                }
            }
            List<String> participants = new ArrayList<>(thread.participants());
            participants.addAll(added);
            ChatThread grown = new ChatThread(thread.id(), thread.kind(), thread.name(), participants);
            this.world.replaceThread(grown);
            ThreadState state = this.world.state(thread.id());
            ThreadSettings settings = state.settings;
            state.settings = new ThreadSettings(settings.imageUrl(), settings.color(), settings.emoji(),
                    settings.nicknames(), settings.admins(), settings.approvalMode(),
                    settings.approvalRequests().stream().filter(id -> !added.contains(id)).toList(), settings.joinLink());
            added.forEach(id -> state.folders.put(id, Folder.INBOX));
            LogMessage log = log(grown, actorId);
            fanOut(grown.participants(), (receiver, sequenceId) -> {
                ObjectNode delta = EmulatorJson.MAPPER.createObjectNode();
                ArrayNode list = delta.putArray("addedParticipants");
                for (String id : added) {
                    Account account = this.world.account(id).orElseThrow();
                    ObjectNode entry = list.addObject();
                    entry.put("fanoutPolicy", "IRIS_MESSAGE_QUEUE");
                    entry.put("firstName", this.world.people().profile(account).firstName());
                    entry.put("fullName", account.name());
                    entry.put("initialFolder", "FOLDER_INBOX");
                    entry.putObject("initialFolderId").put("systemFolderId", "INBOX");
                    entry.put("isMessengerUser", false);
                    entry.put("userFbId", id);
                }
                String text = subject(actorId, receiver) + " added "
                        + names(added.stream().map(id -> object(id, actorId, receiver)).toList()) + " to the group.";
                delta.setAll(log.delta(receiver, sequenceId,
                        List.of("DeltaParticipantsAddedToGroupThread", "is_from_iris_fanout"), text, List.of(), false,
                        "KEEP_AS_IS"));
                delta.put("class", "ParticipantsAddedToGroupThread");
                return delta;
            });
            return log;
        }
    }

    /**
     * Removes a person from a group, or they leave it ({@code actorId} = {@code removedId}):
     * {@code ParticipantLeftGroupThread}, to everyone who was in it, the removed person included.
     *
     * @throws IllegalArgumentException when they do not take part, or are its last participant
     */
    public ChatThread removeParticipant(String threadId, String actorId, String removedId) {
        synchronized (this.world) {
            ChatThread thread = group(threadId);
            requireParticipant(thread, actorId);
            requireParticipant(thread, removedId);
            if (thread.participants().size() == 1) {
                throw new IllegalArgumentException(removedId + " is the last participant of thread " + threadId);
            }
            ChatThread shrunk = new ChatThread(thread.id(), thread.kind(), thread.name(),
                    thread.participants().stream().filter(id -> !id.equals(removedId)).toList());
            this.world.replaceThread(shrunk);
            ThreadState state = this.world.state(thread.id());
            state.settings = state.settings.without(removedId);
            LogMessage log = log(thread, actorId);
            fanOut(thread.participants(), (receiver, sequenceId) -> {
                String text = removedId.equals(actorId) ? subject(actorId, receiver) + " left the group."
                        : subject(actorId, receiver) + " removed " + object(removedId, actorId, receiver) + " from the group.";
                ObjectNode delta = log.delta(receiver, sequenceId,
                        List.of("DeltaParticipantLeftGroupThread", "is_from_iris_fanout"), text, List.of(), true,
                        "KEEP_AS_IS");
                delta.put("leftParticipantFbId", removedId);
                delta.put("class", "ParticipantLeftGroupThread");
                return delta;
            });
            return shrunk;
        }
    }

    /**
     * Makes people administrators of a group ({@code add}) or no longer ({@code !add}): one
     * {@code change_thread_admins} admin text per person ({@code ADMIN_EVENT} {@code add_admin} /
     * {@code remove_admin}). They show in {@code thread_admins}.
     *
     * @throws IllegalArgumentException when one does not take part, is an administrator already
     *         ({@code add}) or is none ({@code !add}), or none is given
     */
    public ThreadSettings setAdmins(String threadId, String actorId, List<String> accountIds, boolean add) {
        synchronized (this.world) {
            ChatThread thread = group(threadId);
            requireParticipant(thread, actorId);
            List<String> targets = accountIds.stream().distinct().toList();
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("nobody to " + (add ? "make" : "remove as") + " an administrator");
            }
            ThreadState state = this.world.state(thread.id());
            List<String> admins = new ArrayList<>(state.settings.admins());
            for (String target : targets) {
                requireParticipant(thread, target);
                if (add == admins.contains(target)) {
                    throw new IllegalArgumentException(target + (add ? " is an administrator already" : " is no administrator"));
                }
            }
            for (String target : targets) {
                if (add) {
                    admins.add(target);
                }
                else {
                    admins.remove(target);
                }
                ObjectNode data = EmulatorJson.MAPPER.createObjectNode();
                data.put("THREAD_CATEGORY", "GROUP");
                data.put("TARGET_ID", target);
                data.put("ADMIN_TYPE", "0");
                data.put("ADMIN_EVENT", add ? "add_admin" : "remove_admin");
                AdminText type = AdminText.of("change_thread_admins", data)
                    .withTags(List.of("source:titan:web"), List.of("source:generic_admin_text"))
                    .quiet();
                announce(thread, actorId, type, receiver -> subject(actorId, receiver) + (add ? " added " : " removed ")
                        + object(target, actorId, receiver) + " as a group admin.");
            }
            state.settings = state.settings.withAdmins(admins);
            return state.settings;
        }
    }

    /** Turns a group's member approval on or off: {@code change_thread_approval_mode}. */
    public ThreadSettings setApprovalMode(String threadId, String actorId, boolean requireApproval) {
        synchronized (this.world) {
            ChatThread thread = group(threadId);
            requireParticipant(thread, actorId);
            ThreadState state = this.world.state(thread.id());
            state.settings = state.settings.withApprovalMode(requireApproval);
            ObjectNode data = EmulatorJson.MAPPER.createObjectNode();
            data.put("APPROVAL_MODE", requireApproval ? "1" : "0");
            data.put("THREAD_CATEGORY", "GROUP");
            announce(thread, actorId, AdminText.of("change_thread_approval_mode", data).quiet(),
                    receiver -> subject(actorId, receiver) + (requireApproval
                            ? " turned on member approval and will review requests to join the group."
                            : " turned off member approval. Anyone with the link can join the group."));
            return state.settings;
        }
    }

    // ---- A thread's looks ----

    /**
     * Sets a thread's colour ({@code #rrggbb}; Messenger's blue {@value #DEFAULT_COLOR} is the
     * default): {@code change_thread_theme} with {@code theme_color} {@code FFRRGGBB}.
     */
    public ThreadSettings setColor(String threadId, String actorId, String color) {
        if (!color.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("a colour is #rrggbb");
        }
        String normalized = color.toLowerCase(Locale.ROOT);
        synchronized (this.world) {
            ChatThread thread = thread(threadId);
            requireParticipant(thread, actorId);
            ThreadState state = this.world.state(thread.id());
            state.settings = state.settings.withColor(normalized.equals(DEFAULT_COLOR) ? null : normalized);
            String label = COLOR_NAMES.getOrDefault(normalized, normalized);
            ObjectNode data = EmulatorJson.MAPPER.createObjectNode();
            data.put("should_show_icon", "1");
            data.put("theme_color", "FF" + normalized.substring(1).toUpperCase(Locale.ROOT));
            data.put("accessibility_label", label);
            announce(thread, actorId, AdminText.of("change_thread_theme", data),
                    receiver -> subject(actorId, receiver) + " changed the chat theme to " + label + ".");
            return state.settings;
        }
    }

    /** Sets a thread's emoji ({@code null} or empty: back to the default): {@code change_thread_icon}. */
    public ThreadSettings setEmoji(String threadId, String actorId, @Nullable String emoji) {
        String icon = emoji == null ? "" : emoji;
        synchronized (this.world) {
            ChatThread thread = thread(threadId);
            requireParticipant(thread, actorId);
            ThreadState state = this.world.state(thread.id());
            state.settings = state.settings.withEmoji(icon.isEmpty() ? null : icon);
            ObjectNode data = EmulatorJson.MAPPER.createObjectNode();
            data.put("thread_icon_url", icon.isEmpty() ? "" : emojiImage(icon));
            data.put("thread_icon", icon);
            announce(thread, actorId, AdminText.of("change_thread_icon", data)
                .withTags(List.of("source:titan:web", "no_push"), List.of("source:generic_admin_text")),
                    receiver -> subject(actorId, receiver)
                            + (icon.isEmpty() ? " cleared the emoji." : " set the emoji to " + icon + "."));
            return state.settings;
        }
    }

    /** Sets a participant's nickname ({@code null} or empty clears it): {@code change_thread_nickname}. */
    public ThreadSettings setNickname(String threadId, String actorId, String participantId, @Nullable String nickname) {
        String name = nickname == null ? "" : nickname;
        synchronized (this.world) {
            ChatThread thread = thread(threadId);
            requireParticipant(thread, actorId);
            requireParticipant(thread, participantId);
            ThreadState state = this.world.state(thread.id());
            state.settings = state.settings.withNickname(participantId, name.isEmpty() ? null : name);
            ObjectNode data = EmulatorJson.MAPPER.createObjectNode();
            data.put("nickname", name);
            data.put("participant_id", participantId);
            announce(thread, actorId, AdminText.of("change_thread_nickname", data), receiver -> {
                String whose = participantId.equals(actorId) ? (actorId.equals(receiver) ? "your" : "their")
                        : participantId.equals(receiver) ? "your" : null;
                String target = whose != null ? whose + " nickname" : "the nickname for " + this.world.actorName(participantId);
                return subject(actorId, receiver) + (name.isEmpty() ? " cleared " + target + "."
                        : " set " + target + " to " + name + ".");
            });
            return state.settings;
        }
    }

    /**
     * Sets a group's picture: Facebook sends no admin text for it but {@code ForcedFetch} with the
     * log message's id, and the client fetches the thread.
     */
    public ThreadSettings setImage(String threadId, String actorId, String imageUrl) {
        synchronized (this.world) {
            ChatThread thread = group(threadId);
            requireParticipant(thread, actorId);
            ThreadState state = this.world.state(thread.id());
            state.settings = state.settings.withImageUrl(imageUrl);
            String messageId = "mid.$" + RandomTokens.urlSafe(24);
            fanOut(thread.participants(), (receiver, sequenceId) -> {
                ObjectNode delta = EmulatorJson.MAPPER.createObjectNode();
                delta.put("forceInsert", false);
                delta.put("messageId", messageId);
                delta.set("threadKey", DeltaShapes.threadKey(thread, receiver));
                delta.put("class", "ForcedFetch");
                return delta;
            });
            return state.settings;
        }
    }

    /** A new group made by the driver API: {@code ForcedFetch} without a message, the client fetches the thread. */
    void announceNewThread(ChatThread thread) {
        synchronized (this.world) {
            fanOut(thread.participants(), (receiver, sequenceId) -> {
                ObjectNode delta = EmulatorJson.MAPPER.createObjectNode();
                delta.put("forceInsert", false);
                delta.put("irisSeqId", Long.toString(sequenceId));
                delta.put("isLazy", false);
                delta.set("threadKey", DeltaShapes.threadKey(thread, receiver));
                delta.put("class", "ForcedFetch");
                return delta;
            });
        }
    }

    // ---- Helpers ----

    /** Logs an admin text for every participant. Callers hold the world's lock. */
    void announce(ChatThread thread, String actorId, AdminText type, Function<String, String> text) {
        LogMessage log = log(thread, actorId);
        fanOut(thread.participants(), (receiver, sequenceId) -> type.delta(log, receiver, sequenceId, text.apply(receiver)));
    }

    /** A new log message of the thread. Callers hold the world's lock. */
    LogMessage log(ChatThread thread, String actorId) {
        return LogMessage.of(thread, actorId, this.world.state(thread.id()).nextQueueSequence());
    }

    private static int indexOf(List<StoredMessage> history, ChatThread thread, String messageId) {
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).id().equals(messageId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("thread " + thread.id() + " holds no message " + messageId);
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    static String names(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** Facebook's picture of an emoji: its code points in hex, joined by {@code _}. */
    private static String emojiImage(String emoji) {
        String codePoints = emoji.codePoints()
            .mapToObj(Integer::toHexString)
            .collect(Collectors.joining("_"));
        return "https://www.facebook.com/images/emoji.php/v9/te0/1/16/" + codePoints + ".png";
    }
}
