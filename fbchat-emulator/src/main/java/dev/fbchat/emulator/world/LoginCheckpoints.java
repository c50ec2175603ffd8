package dev.fbchat.emulator.world;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.fbchat.emulator.Account;
import org.jspecify.annotations.Nullable;

/**
 * The login checkpoints in progress: an account with a {@link Account.Checkpoint} that gave
 * its right password goes through them before its session starts. Each checkpoint is a small
 * state machine of pages ({@link Step}); the last step hands out a one-time login token that
 * {@code /login/auth_token/} exchanges for the session. Also keeps the log of checkpoint
 * requests that the driver API shows. Thread-safe.
 */
public final class LoginCheckpoints {

    /** How many checkpoint requests the log keeps. */
    private static final int LOG_SIZE = 500;

    private final EmulatorStats stats;

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private final Map<String, String> loginTokens = new ConcurrentHashMap<>();

    private final Deque<CheckpointRequest> log = new ArrayDeque<>();

    LoginCheckpoints(EmulatorStats stats) {
        this.stats = stats;
    }

    /** The page a checkpoint shows. */
    public enum Step {

        /** The two-factor code form ({@code approvals_code}). */
        CODE,

        /** "Remember browser" ({@code name_action_selected}). */
        SAVE_BROWSER,

        /** "Review recent login": a page to continue from. */
        REVIEW_INTRO,

        /** "Was this you?" ({@code submit[This was me]}, {@code submit[This wasn't me]}). */
        REVIEW,

        /** "Remember device" after the review ({@code name_action_selected}). */
        SAVE_DEVICE,

        /** "Your account has been locked": a page to continue from. */
        LOCKED_INTRO,

        /** The locked account's "confirm your identity" form ({@code verification_method}); the end of its road. */
        LOCKED,

        /** The login was declared not ours: no way on. */
        CANCELLED
    }

    /** A checkpoint in progress: its id (the {@code nh} field and {@code checkpoint} cookie), account and form token. */
    public static final class Pending {

        private final String id;

        private final Account account;

        private final String fbDtsg;

        private Step step;

        Pending(String id, Account account, String fbDtsg, Step step) {
            this.id = id;
            this.account = account;
            this.fbDtsg = fbDtsg;
            this.step = step;
        }

        public String id() {
            return this.id;
        }

        public Account account() {
            return this.account;
        }

        /** The {@code fb_dtsg} the checkpoint's forms carry and must send back. */
        public String fbDtsg() {
            return this.fbDtsg;
        }

        public synchronized Step step() {
            return this.step;
        }

        @Override
        public String toString() {
            return "Pending[account=" + this.account.id() + "]";
        }
    }

    /**
     * What a form post leads to: the next page, or the one-time login token when the checkpoint
     * is passed.
     *
     * @param step the page to show
     * @param wrongCode whether the post was a refused code
     * @param loginToken the token for {@code /login/auth_token/}, or {@code null}
     */
    public record Answer(Step step, boolean wrongCode, @Nullable String loginToken) {
    }

    /** Starts the checkpoint of an account that gave its right password. */
    public Pending start(Account account) {
        if (account.checkpoint() == Account.Checkpoint.NONE) {
            throw new IllegalArgumentException("account " + account.id() + " has no checkpoint");
        }
        Step first = account.checkpoint() == Account.Checkpoint.LOCKED ? Step.LOCKED_INTRO : Step.CODE;
        Pending checkpoint = new Pending(RandomTokens.urlSafe(12), account, RandomTokens.urlSafe(18), first);
        this.pending.put(checkpoint.id(), checkpoint);
        this.stats.checkpointStarted();
        return checkpoint;
    }

    public Optional<Pending> find(@Nullable String id) {
        return Optional.ofNullable(id == null ? null : this.pending.get(id));
    }

    /** Applies a form post to the checkpoint's current page. */
    public Answer submit(Pending checkpoint, Map<String, String> fields, Instant now) {
        synchronized (checkpoint) {
            Account account = checkpoint.account();
            String saveChoice = fields.get("name_action_selected");
            boolean saveAnswered = "save_device".equals(saveChoice) || "dont_save".equals(saveChoice);
            switch (checkpoint.step) {
                case CODE -> {
                    String code = fields.get("approvals_code");
                    if (code == null || account.twoFactorSecret() == null
                            || !TotpVerifier.accepts(account.twoFactorSecret(), code, now)) {
                        this.stats.twoFactorCodeFailed();
                        return new Answer(Step.CODE, true, null);
                    }
                    checkpoint.step = Step.SAVE_BROWSER;
                }
                case SAVE_BROWSER -> {
                    if (saveAnswered) {
                        if (account.checkpoint() == Account.Checkpoint.TWO_FACTOR) {
                            return new Answer(checkpoint.step, false, pass(checkpoint));
                        }
                        checkpoint.step = Step.REVIEW_INTRO;
                    }
                }
                case REVIEW_INTRO -> checkpoint.step = Step.REVIEW;
                case REVIEW -> {
                    if (fields.containsKey("submit[This wasn't me]")) {
                        checkpoint.step = Step.CANCELLED;
                        this.pending.remove(checkpoint.id());
                    }
                    else if (fields.containsKey("submit[This was me]")) {
                        checkpoint.step = Step.SAVE_DEVICE;
                    }
                }
                case SAVE_DEVICE -> {
                    if (saveAnswered) {
                        return new Answer(checkpoint.step, false, pass(checkpoint));
                    }
                }
                case LOCKED_INTRO -> checkpoint.step = Step.LOCKED;
                case LOCKED, CANCELLED -> {
                    // no way on
                }
            }
            return new Answer(checkpoint.step, false, null);
        }
    }

    /** Ends a passed checkpoint with a one-time login token. */
    private String pass(Pending checkpoint) {
        this.pending.remove(checkpoint.id());
        String token = RandomTokens.urlSafe(24);
        this.loginTokens.put(token, checkpoint.account().id());
        return token;
    }

    /** The account of a login token, which is used up. */
    public Optional<String> redeem(@Nullable String loginToken) {
        return Optional.ofNullable(loginToken == null ? null : this.loginTokens.remove(loginToken));
    }

    /** Adds a request to the log the driver API shows, dropping the oldest beyond {@value #LOG_SIZE}. */
    public void record(CheckpointRequest request) {
        synchronized (this.log) {
            this.log.addLast(request);
            while (this.log.size() > LOG_SIZE) {
                this.log.removeFirst();
            }
        }
    }

    /** The logged checkpoint requests, oldest first. */
    public List<CheckpointRequest> requests() {
        synchronized (this.log) {
            return List.copyOf(this.log);
        }
    }

    /**
     * A request of the checkpoint flow, as the driver API shows it (<em>emulator only</em>: it
     * lets tests see the fields a client posted).
     *
     * @param method {@code GET} or {@code POST}
     * @param path the path without query
     * @param step the checkpoint's page when the request came, or {@code null} when it named none
     * @param fields the posted form fields, in order ({@code GET}: none)
     * @param cookies the names of the request's cookies
     * @param act the value of the {@code act} cookie, or {@code null}
     */
    public record CheckpointRequest(String method, String path, @Nullable Step step, Map<String, String> fields,
            List<String> cookies, @Nullable String act) {
    }
}
