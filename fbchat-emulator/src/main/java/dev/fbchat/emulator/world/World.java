package dev.fbchat.emulator.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.fbchat.emulator.Account;
import org.jspecify.annotations.Nullable;

/**
 * The emulated Messenger: accounts, login sessions, threads, messages and delta logs.
 * Thread-safe; messages are stored and their deltas logged under one lock, so every account
 * sees every conversation in the same order.
 */
public final class World {

    /** The site revision the home page announces. */
    public static final long REVISION = 1009000000L;

    private final Map<String, Account> accounts = new LinkedHashMap<>();

    private final Map<String, ChatThread> threads = new LinkedHashMap<>();

    private final Map<String, List<StoredMessage>> messages = new ConcurrentHashMap<>();

    private final Map<String, DeltaLog> deltaLogs = new ConcurrentHashMap<>();

    private final Map<String, LoginSession> sessionsBySecret = new ConcurrentHashMap<>();

    private final Map<String, String> syncQueueOwners = new ConcurrentHashMap<>();

    private final AtomicLong nextThreadId = new AtomicLong(200_000_000_000_100L);

    private final EmulatorStats stats = new EmulatorStats();

    private World() {
    }

    /** The world of {@code docs/emulator-protocol.md}: the bot, alice, bob and carol, their threads and a group. */
    public static World seeded() {
        World world = new World();
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
        return world;
    }

    private Account addAccount(Account account) {
        this.accounts.put(account.id(), account);
        this.deltaLogs.put(account.id(), new DeltaLog());
        return account;
    }

    private void addThread(ChatThread thread) {
        this.threads.put(thread.id(), thread);
        this.messages.put(thread.id(), new ArrayList<>());
    }

    public EmulatorStats stats() {
        return this.stats;
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

    public void logout(LoginSession session) {
        this.sessionsBySecret.remove(session.secret());
    }

    public synchronized List<ChatThread> threads() {
        return List.copyOf(this.threads.values());
    }

    public synchronized Optional<ChatThread> thread(String id) {
        return Optional.ofNullable(this.threads.get(id));
    }

    /** The one-to-one thread of two accounts, created when they have none. */
    public synchronized ChatThread oneToOne(Account first, Account second) {
        return this.threads.values()
            .stream()
            .filter(thread -> thread.kind() == ThreadKind.USER && thread.hasParticipant(first.id())
                    && thread.hasParticipant(second.id()) && thread.participants().size() == 2)
            .findFirst()
            .orElseGet(() -> {
                ChatThread created = new ChatThread(Long.toString(this.nextThreadId.getAndIncrement()), ThreadKind.USER,
                        first.name() + ", " + second.name(), List.of(first.id(), second.id()));
                addThread(created);
                return created;
            });
    }

    /**
     * Stores a message and logs its {@code NewMessage} delta for every participant, the author
     * included.
     *
     * @throws IllegalArgumentException when the author does not take part or the text is empty
     */
    public synchronized StoredMessage post(String authorId, ChatThread thread, String text, String offlineThreadingId) {
        if (!thread.hasParticipant(authorId)) {
            throw new IllegalArgumentException("account " + authorId + " does not take part in thread " + thread.id());
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the message text is empty");
        }
        StoredMessage message = new StoredMessage("mid.$" + RandomTokens.urlSafe(24), thread.id(), authorId, text,
                System.currentTimeMillis(), offlineThreadingId);
        this.messages.get(thread.id()).add(message);
        for (String participant : thread.participants()) {
            deltaLog(participant).append(sequenceId -> NewMessageDelta.of(message, thread, participant, sequenceId));
        }
        return message;
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
}
