package dev.fbchat.emulator.world;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.fbchat.emulator.Account;
import org.jspecify.annotations.Nullable;

/**
 * The emulated Messenger: accounts, login sessions, threads, messages and delta logs, and for
 * the read side profiles, thread state (settings, folders, read watermarks, seen marks), polls
 * and plans; {@link ThreadView} snapshots show a thread as one participant sees it.
 * Thread-safe; messages are stored and their deltas logged under one lock, so every account
 * sees every conversation in the same order.
 */
public final class World {

    /** The site revision the home page announces. */
    public static final long REVISION = 1009000000L;

    /** The Base32 code-generator secret (RFC 6238) of the seeded two-factor accounts, dave and erin. */
    public static final String TWO_FACTOR_SECRET = "JBSWY3DPEHPK3PXP";

    /** Copied on write: readers iterate a snapshot while the driver API may add accounts. */
    private volatile Map<String, Account> accounts = Map.of();

    private final Map<String, ChatThread> threads = new LinkedHashMap<>();

    private final Map<String, List<StoredMessage>> messages = new ConcurrentHashMap<>();

    private final Map<String, DeltaLog> deltaLogs = new ConcurrentHashMap<>();

    private final Map<String, LoginSession> sessionsBySecret = new ConcurrentHashMap<>();

    private final Map<String, String> syncQueueOwners = new ConcurrentHashMap<>();

    private final AtomicLong nextThreadId = new AtomicLong(200_000_000_000_100L);

    private final EmulatorStats stats = new EmulatorStats();

    private final LoginCheckpoints checkpoints = new LoginCheckpoints(this.stats);

    private final People people = new People();

    private final RequestLog requestLog = new RequestLog();

    // The read side (docs/emulator-protocol.md, "Reading"); guarded by this world's lock.

    private final Map<String, ThreadState> threadStates = new HashMap<>();

    private final Map<String, Long> seenMarks = new HashMap<>();

    private final Map<String, Poll> polls = new LinkedHashMap<>();

    private final Map<String, Plan> plans = new LinkedHashMap<>();

    private final AtomicLong nextGroupId = new AtomicLong(300_000_000_001_000L);

    private final AtomicLong nextAccountId = new AtomicLong(100_000_000_001_000L);

    private final AtomicLong nextAttachmentId = new AtomicLong(510_000_000_000_001L);

    // Real-time events (docs/emulator-protocol.md, "Real-time events").

    private final int maxDeltasPerAccount;

    private final TopicHub topics = new TopicHub();

    private final HttpFaults httpFaults = new HttpFaults();

    private final ThreadActions threadActions = new ThreadActions(this);

    private final ReceiptActions receiptActions = new ReceiptActions(this);

    private final PresenceActions presenceActions = new PresenceActions(this);

    private final EventActions eventActions = new EventActions(this);

    private final AccountActions accountActions = new AccountActions(this);

    private final Uploads uploads = new Uploads(this);

    /** The messages each account deleted for itself, by account. */
    private final Map<String, Set<String>> hiddenMessages = new HashMap<>();

    private World(int maxDeltasPerAccount) {
        if (maxDeltasPerAccount < 1) {
            throw new IllegalArgumentException("an account's delta log keeps at least one delta, not " + maxDeltasPerAccount);
        }
        this.maxDeltasPerAccount = maxDeltasPerAccount;
    }

    /**
     * The world of {@code docs/emulator-protocol.md}: the bot, alice, bob and carol, their threads
     * and a group; then dave, erin and frank, whose logins meet a checkpoint; then the history the
     * read endpoints page through ({@link SeededHistory}).
     */
    public static World seeded() {
        return seeded(DeltaLog.DEFAULT_CAPACITY);
    }

    /** The seeded world, each account's delta log keeping its newest {@code maxDeltasPerAccount} deltas. */
    public static World seeded(int maxDeltasPerAccount) {
        World world = new World(maxDeltasPerAccount);
        Account bot = world.addAccount(new Account("100000000000001", "Echo Bot", "bot@fbchat.local", "bot-password"));
        Account[] people = {
            world.addAccount(new Account("100000000000002", "Alice Liddell", "alice@fbchat.local", "alice-password")),
            world.addAccount(new Account("100000000000003", "Bob Marley", "bob@fbchat.local", "bob-password")),
            world.addAccount(new Account("100000000000004", "Carol Danvers", "carol@fbchat.local", "carol-password")) };
        for (Account person : people) {
            String id = "2" + person.id().substring(1);
            world.addThread(new ChatThread(id, ThreadKind.USER, bot.name() + ", " + person.name(),
                    List.of(bot.id(), person.id())));
        }
        world.addThread(new ChatThread("300000000000001", ThreadKind.GROUP, "Everyone",
                List.of(bot.id(), people[0].id(), people[1].id(), people[2].id())));
        // Accounts behind a login checkpoint (docs/emulator-protocol.md, "Two-factor login"); no seeded threads.
        world.addAccount(new Account("100000000000005", "Dave Bowman", "dave@fbchat.local", "dave-password",
                TWO_FACTOR_SECRET, Account.Checkpoint.TWO_FACTOR));
        world.addAccount(new Account("100000000000006", "Erin Brockovich", "erin@fbchat.local", "erin-password",
                TWO_FACTOR_SECRET, Account.Checkpoint.TWO_FACTOR_AND_REVIEW));
        world.addAccount(new Account("100000000000007", "Frank Abagnale", "frank@fbchat.local", "frank-password",
                null, Account.Checkpoint.LOCKED));
        SeededHistory.addTo(world);
        return world;
    }

    private synchronized Account addAccount(Account account) {
        Map<String, Account> next = new LinkedHashMap<>(this.accounts);
        next.put(account.id(), account);
        this.deltaLogs.put(account.id(), new DeltaLog(this.maxDeltasPerAccount));
        this.accounts = Collections.unmodifiableMap(next);
        return account;
    }

    private void addThread(ChatThread thread) {
        this.threads.put(thread.id(), thread);
        this.messages.put(thread.id(), new ArrayList<>());
        this.threadStates.put(thread.id(), new ThreadState(System.currentTimeMillis()));
    }

    public EmulatorStats stats() {
        return this.stats;
    }

    /** The login checkpoints in progress (two-factor, review, locked accounts). */
    public LoginCheckpoints checkpoints() {
        return this.checkpoints;
    }

    public List<Account> accounts() {
        return List.copyOf(this.accounts.values());
    }

    public Optional<Account> account(@Nullable String id) {
        return Optional.ofNullable(id == null ? null : this.accounts.get(id));
    }

    /** Whether an account has this email, which decides the login page's error text. */
    public boolean hasEmail(String email) {
        return this.accounts.values().stream().anyMatch(account -> account.email().equalsIgnoreCase(email.strip()));
    }

    /** Starts a session when email and password are right; counts the attempt either way. */
    public Optional<LoginSession> login(String email, String password) {
        Optional<Account> account = this.accounts.values()
            .stream()
            .filter(candidate -> candidate.email().equalsIgnoreCase(email.strip()) && candidate.password().equals(password))
            .findFirst();
        if (account.isEmpty()) {
            this.stats.loginFailed();
            return Optional.empty();
        }
        LoginSession session = new LoginSession(account.get().id(), RandomTokens.urlSafe(24), RandomTokens.urlSafe(18));
        this.sessionsBySecret.put(session.secret(), session);
        this.stats.loginSucceeded();
        return Optional.of(session);
    }

    /** The live session named by the {@code c_user} and {@code xs} cookies. */
    public Optional<LoginSession> session(@Nullable String accountId, @Nullable String secret) {
        if (accountId == null || secret == null) {
            return Optional.empty();
        }
        LoginSession session = this.sessionsBySecret.get(secret);
        return session != null && session.accountId().equals(accountId) ? Optional.of(session) : Optional.empty();
    }

    /**
     * Gives every live session of the account a new {@code fb_dtsg}, as Facebook does after a day or two: requests
     * with the old token get error 1357004 until the client reloads a page.
     *
     * @return how many sessions got a new token
     */
    public int expireFbDtsg(String accountId) {
        int expired = 0;
        for (LoginSession session : List.copyOf(this.sessionsBySecret.values())) {
            if (session.accountId().equals(accountId)) {
                this.sessionsBySecret.put(session.secret(),
                        new LoginSession(accountId, session.secret(), RandomTokens.urlSafe(18)));
                expired++;
            }
        }
        return expired;
    }

    public void logout(LoginSession session) {
        this.sessionsBySecret.remove(session.secret());
    }

    /**
     * Logs out every live session of the account, as Facebook does when it ends them (a password change, "log out of
     * all sessions"): their cookies log in no more. A new login works as usual.
     *
     * @return how many sessions ended
     */
    public int endSessions(String accountId) {
        int ended = 0;
        for (LoginSession session : List.copyOf(this.sessionsBySecret.values())) {
            if (session.accountId().equals(accountId) && this.sessionsBySecret.remove(session.secret()) != null) {
                ended++;
            }
        }
        return ended;
    }

    public synchronized List<ChatThread> threads() {
        return List.copyOf(this.threads.values());
    }

    public synchronized Optional<ChatThread> thread(String id) {
        return Optional.ofNullable(this.threads.get(id));
    }

    /** The one-to-one thread of two accounts, created when they have none. */
    public synchronized ChatThread oneToOne(Account first, Account second) {
        return oneToOne(first.id(), second.id());
    }

    /**
     * The one-to-one thread of two people (or a person and a page), created when they have none.
     * A new thread lands in the second one's message requests ({@link Folder#PENDING}) unless
     * the two are friends.
     */
    public synchronized ChatThread oneToOne(String firstId, String secondId) {
        return this.threads.values()
            .stream()
            .filter(thread -> thread.kind() == ThreadKind.USER && thread.hasParticipant(firstId)
                    && thread.hasParticipant(secondId) && thread.participants().size() == 2)
            .findFirst()
            .orElseGet(() -> {
                ChatThread created = new ChatThread(unusedId(this.nextThreadId, this.threads.keySet()), ThreadKind.USER,
                        actorName(firstId) + ", " + actorName(secondId), List.of(firstId, secondId));
                addThread(created);
                if (!this.people.areFriends(firstId, secondId)) {
                    this.threadStates.get(created.id()).folders.put(secondId, Folder.PENDING);
                }
                return created;
            });
    }

    /**
     * Stores a message and logs its {@code NewMessage} delta for every participant, the author
     * included.
     *
     * @throws IllegalArgumentException when the author does not take part or the text is empty
     */
    public StoredMessage post(String authorId, ChatThread thread, String text, String offlineThreadingId) {
        return post(authorId, thread, MessageContent.text(text), offlineThreadingId);
    }

    /**
     * Stores a message and logs its {@code NewMessage} delta for every participant account, the
     * author included. Its timestamp is the server time, or one past the thread's newest message
     * so that timestamps in a thread are unique. The author has read the thread up to it; the
     * thread leaves the archive of everyone, and the message requests of the author.
     *
     * @throws IllegalArgumentException when the author does not take part, the content is empty,
     *         or it answers a message the thread does not hold
     */
    public synchronized StoredMessage post(String authorId, ChatThread given, MessageContent content,
            String offlineThreadingId) {
        ChatThread thread = this.threads.getOrDefault(given.id(), given);
        if (!thread.hasParticipant(authorId)) {
            throw new IllegalArgumentException("account " + authorId + " does not take part in thread " + thread.id());
        }
        if (content.isEmpty()) {
            throw new IllegalArgumentException("the message has no text, file or sticker");
        }
        List<StoredMessage> history = this.messages.get(thread.id());
        StoredMessage repeated = repeatedSend(history, authorId, offlineThreadingId);
        if (repeated != null) {
            // Facebook treats a send repeated with the same client id as the one message it already has
            return repeated;
        }
        if (content.replyToId() != null
                && history.stream().noneMatch(message -> message.id().equals(content.replyToId()))) {
            throw new IllegalArgumentException("thread " + thread.id() + " holds no message " + content.replyToId());
        }
        long timestamp = System.currentTimeMillis();
        if (!history.isEmpty()) {
            timestamp = Math.max(timestamp, history.get(history.size() - 1).timestamp() + 1);
        }
        StoredMessage message = StoredMessage.of("mid.$" + RandomTokens.urlSafe(24), thread.id(), authorId, timestamp,
                offlineThreadingId, content);
        history.add(message);
        ThreadState state = this.threadStates.get(thread.id());
        state.readWatermarks.merge(authorId, timestamp, Math::max);
        state.deletedFor.clear();
        state.folders.replaceAll((participant, folder) -> folder == Folder.ARCHIVED
                || participant.equals(authorId) ? Folder.INBOX : folder);
        StoredMessage original = content.replyToId() == null ? null
                : history.stream().filter(candidate -> candidate.id().equals(content.replyToId())).findFirst().orElse(null);
        for (String participant : thread.participants()) {
            DeltaLog log = this.deltaLogs.get(participant);
            if (log != null) {
                log.append(sequenceId -> original == null ? NewMessageDelta.of(message, thread, participant, sequenceId)
                        : NewMessageDelta.reply(message, original, thread, participant, sequenceId));
            }
        }
        return message;
    }

    /** How many of a thread's newest messages a repeated send is looked for among. */
    private static final int REPEAT_WINDOW = 1000;

    /** The message {@code authorId} already sent with this client id among the thread's newest, or {@code null}. */
    private static @Nullable StoredMessage repeatedSend(List<StoredMessage> history, String authorId,
            String offlineThreadingId) {
        for (int i = history.size() - 1; i >= Math.max(0, history.size() - REPEAT_WINDOW); i--) {
            StoredMessage message = history.get(i);
            if (message.offlineThreadingId().equals(offlineThreadingId) && message.authorId().equals(authorId)) {
                return message;
            }
        }
        return null;
    }

    /** A thread's messages, oldest first. */
    public synchronized List<StoredMessage> messages(String threadId) {
        return List.copyOf(this.messages.getOrDefault(threadId, List.of()));
    }

    public DeltaLog deltaLog(String accountId) {
        DeltaLog log = this.deltaLogs.get(accountId);
        if (log == null) {
            throw new IllegalArgumentException("no account " + accountId);
        }
        return log;
    }

    /** How many deltas each account's log keeps. */
    public int maxDeltasPerAccount() {
        return this.maxDeltasPerAccount;
    }

    /** The HTTP connections to cut on purpose. */
    public HttpFaults httpFaults() {
        return this.httpFaults;
    }

    /** The MQTT topics outside the sync queue: typing, presence, friend requests. */
    public TopicHub topics() {
        return this.topics;
    }

    /** Reactions, unsending, live locations, and a thread's title, people, admins and looks. */
    public ThreadActions threadActions() {
        return this.threadActions;
    }

    /** Read, delivery and seen marks, and folders. */
    public ReceiptActions receiptActions() {
        return this.receiptActions;
    }

    /** Typing, presence, friend requests, blocking. */
    public PresenceActions presenceActions() {
        return this.presenceActions;
    }

    /** Calls, polls and plans. */
    public AccountActions accountActions() {
        return this.accountActions;
    }

    public Uploads uploads() {
        return this.uploads;
    }

    /** The ids of the messages {@code accountId} deleted for itself (changeable; under the world's lock). */
    Set<String> hiddenMessages(String accountId) {
        return this.hiddenMessages.computeIfAbsent(accountId, id -> new HashSet<>());
    }

    public EventActions eventActions() {
        return this.eventActions;
    }

    /** The account's delta log, or {@code null} for a page or an unknown id. Callers hold this world's lock. */
    @Nullable DeltaLog logOf(String accountId) {
        return this.deltaLogs.get(accountId);
    }

    /** The thread as it is now, or {@code null}. Callers hold this world's lock. */
    @Nullable ChatThread currentThread(String threadId) {
        return this.threads.get(threadId);
    }

    /** Replaces a thread (new title or people). Callers hold this world's lock. */
    void replaceThread(ChatThread thread) {
        this.threads.replace(thread.id(), thread);
    }

    /** A thread's stored messages, oldest first, to change. Callers hold this world's lock. */
    List<StoredMessage> history(String threadId) {
        return this.messages.get(threadId);
    }

    /** The polls by id, to change. Callers hold this world's lock. */
    Map<String, Poll> pollsById() {
        return this.polls;
    }

    /** The plans by id, to change. Callers hold this world's lock. */
    Map<String, Plan> plansById() {
        return this.plans;
    }

    /** Issues the token of a new sync queue. */
    public String openSyncQueue(String accountId) {
        String token = RandomTokens.urlSafe(16);
        this.syncQueueOwners.put(token, accountId);
        return token;
    }

    /** Whether {@code token} was issued for one of the account's queues. */
    public boolean isSyncToken(String accountId, String token) {
        return accountId.equals(this.syncQueueOwners.get(token));
    }

    // ---- The read side: profiles, pages, thread state, polls and plans ----

    /** Profiles, pages and friendships. */
    public People people() {
        return this.people;
    }

    /** The latest client requests, for the driver API. */
    public RequestLog requestLog() {
        return this.requestLog;
    }

    /** The name of an account or a page, or the id itself when it names neither. */
    public String actorName(String id) {
        Account account = this.accounts.get(id);
        if (account != null) {
            return account.name();
        }
        return this.people.page(id).map(FacebookPage::name).orElse(id);
    }

    /** Whether the id names an account or a page: someone who can take part in a conversation. */
    public boolean isActor(String id) {
        return this.accounts.containsKey(id) || this.people.page(id).isPresent();
    }

    /**
     * Adds an account (driver API), with its profile (or one derived from its name) and friends.
     *
     * @throws IllegalStateException when the id or the email is taken
     * @throws IllegalArgumentException when a friend is unknown
     */
    public synchronized Account createAccount(Account account, @Nullable UserProfile profile, List<String> friends) {
        if (isActor(account.id()) || this.threads.containsKey(account.id())) {
            throw new IllegalStateException("the id " + account.id() + " is taken");
        }
        if (hasEmail(account.email())) {
            throw new IllegalStateException("the email " + account.email() + " is taken");
        }
        for (String friend : friends) {
            if (!this.accounts.containsKey(friend)) {
                throw new IllegalArgumentException("no account " + friend);
            }
        }
        addAccount(account);
        if (profile != null) {
            this.people.putProfile(profile);
        }
        friends.forEach(friend -> this.people.befriend(account.id(), friend));
        return account;
    }

    /** The id the next account of the driver API gets, unless it names its own: the first free one. */
    public synchronized String newAccountId() {
        while (isActor(Long.toString(this.nextAccountId.get()))) {
            this.nextAccountId.incrementAndGet();
        }
        return Long.toString(this.nextAccountId.get());
    }

    /**
     * Starts a group of accounts (driver API).
     *
     * @throws IllegalArgumentException when a participant is no account or there are fewer than two
     */
    public synchronized ChatThread createGroup(String name, List<String> participants, ThreadSettings settings) {
        List<String> distinct = participants.stream().distinct().toList();
        if (distinct.size() < 2) {
            throw new IllegalArgumentException("a group needs at least two participants");
        }
        for (String participant : distinct) {
            if (!this.accounts.containsKey(participant)) {
                throw new IllegalArgumentException("no account " + participant);
            }
        }
        ChatThread group = new ChatThread(unusedId(this.nextGroupId, this.threads.keySet()), ThreadKind.GROUP, name,
                distinct);
        addThread(group);
        this.threadStates.get(group.id()).settings = settings;
        this.threadActions.announceNewThread(group);
        return group;
    }

    /** A fresh attachment id. */
    public String newAttachmentId() {
        return Long.toString(this.nextAttachmentId.getAndIncrement());
    }

    /** Replaces a thread's settings. */
    public synchronized void setSettings(String threadId, ThreadSettings settings) {
        state(threadId).settings = settings;
    }

    /** Files a thread for one participant. */
    public synchronized void setFolder(String threadId, String accountId, Folder folder) {
        state(threadId).folders.put(accountId, folder);
    }

    /** Sets how far a participant has read a thread: every message at or before {@code at} (ms) is read. */
    public synchronized void markRead(String threadId, String accountId, long at) {
        state(threadId).readWatermarks.put(accountId, at);
    }

    /** Sets an account's seen mark (ms): messages after it are unseen. */
    public synchronized void markSeen(String accountId, long at) {
        this.seenMarks.put(accountId, at);
    }

    /**
     * The thread a protocol id names for a viewer: a group the viewer takes part in, or the
     * viewer's one-to-one thread with that person or page.
     */
    public synchronized Optional<ThreadView> threadView(String viewerId, String protocolId) {
        ChatThread group = this.threads.get(protocolId);
        if (group != null && group.kind() == ThreadKind.GROUP && group.hasParticipant(viewerId)) {
            return Optional.of(view(group, viewerId));
        }
        return this.threads.values()
            .stream()
            .filter(thread -> thread.kind() == ThreadKind.USER && thread.hasParticipant(viewerId)
                    && thread.otherParticipant(viewerId).equals(protocolId) && !protocolId.equals(viewerId))
            .findFirst()
            .map(thread -> view(thread, viewerId));
    }

    /** A thread by the emulator's handle, as one participant sees it. */
    public synchronized Optional<ThreadView> threadViewByHandle(String threadId, String viewerId) {
        return Optional.ofNullable(this.threads.get(threadId)).map(thread -> view(thread, viewerId));
    }

    /** Every thread the viewer takes part in, in the order they were made. */
    public synchronized List<ThreadView> threadViews(String viewerId) {
        return this.threads.values()
            .stream()
            .filter(thread -> thread.hasParticipant(viewerId)
                    && !this.threadStates.get(thread.id()).deletedFor.contains(viewerId))
            .map(thread -> view(thread, viewerId))
            .toList();
    }

    public synchronized Optional<Poll> poll(String id) {
        return Optional.ofNullable(this.polls.get(id));
    }

    public synchronized Optional<Plan> plan(String id) {
        return Optional.ofNullable(this.plans.get(id));
    }

    synchronized void addPoll(Poll poll) {
        this.polls.put(poll.id(), poll);
    }

    synchronized void addPlan(Plan plan) {
        this.plans.put(plan.id(), plan);
    }

    /** Adds a seeded account and its profile. */
    synchronized Account seedAccount(Account account, UserProfile profile) {
        addAccount(account);
        this.people.putProfile(profile);
        return account;
    }

    /** Adds a seeded thread of a fixed age. */
    synchronized ChatThread seedThread(ChatThread thread, long createdAt, ThreadSettings settings) {
        addThread(thread);
        ThreadState state = this.threadStates.get(thread.id());
        state.createdAt = createdAt;
        state.settings = settings;
        return thread;
    }

    synchronized void setCreatedAt(String threadId, long createdAt) {
        state(threadId).createdAt = createdAt;
    }

    /** Adds a message of the seeded history: stored, but no delta (history predates the logs). */
    synchronized void seedMessage(StoredMessage message) {
        this.messages.get(message.threadId()).add(message);
        state(message.threadId()).readWatermarks.merge(message.authorId(), message.timestamp(), Math::max);
    }

    ThreadState state(String threadId) {
        ThreadState state = this.threadStates.get(threadId);
        if (state == null) {
            throw new IllegalArgumentException("no thread " + threadId);
        }
        return state;
    }

    private ThreadView view(ChatThread thread, String viewerId) {
        ThreadState state = this.threadStates.get(thread.id());
        List<Plan> threadPlans = this.plans.values().stream().filter(plan -> plan.threadId().equals(thread.id())).toList();
        Set<String> hidden = this.hiddenMessages.getOrDefault(viewerId, Set.of());
        List<StoredMessage> visible = hidden.isEmpty() ? this.messages.get(thread.id())
                : this.messages.get(thread.id()).stream().filter(message -> !hidden.contains(message.id())).toList();
        return new ThreadView(thread, viewerId, state.settings, state.folder(viewerId), state.createdAt, visible,
                state.readWatermarks, this.seenMarks.getOrDefault(viewerId, 0L),
                threadPlans, state.call);
    }

    private static String unusedId(AtomicLong counter, Set<String> taken) {
        String id;
        do {
            id = Long.toString(counter.getAndIncrement());
        }
        while (taken.contains(id));
        return id;
    }
}
