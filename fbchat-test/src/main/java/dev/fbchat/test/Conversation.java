package dev.fbchat.test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverAccount;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverMessage;
import org.jspecify.annotations.Nullable;

/**
 * A person the emulator plays, talking to the bot in a thread: {@code say} something, then expect the bot's reply.
 *
 * <pre>{@code
 * Conversation.with(driver, "alice").say("hello").expectReply("hello", Duration.ofSeconds(2));
 * }</pre>
 */
public final class Conversation {

    private final EmulatorDriver driver;

    private final String threadId;

    private final String personId;

    private final String botId;

    private Conversation(EmulatorDriver driver, String threadId, String personId, String botId) {
        this.driver = driver;
        this.threadId = threadId;
        this.personId = personId;
        this.botId = botId;
    }

    /**
     * The one-to-one thread of a seeded or created person and the bot (made when they have none).
     *
     * @param person the person's account id, or the start of their name ({@code "alice"})
     * @throws IllegalArgumentException when no account has that id or name
     */
    public static Conversation with(EmulatorDriver driver, String person) {
        Objects.requireNonNull(driver, "driver");
        List<DriverAccount> accounts = driver.accounts();
        String botId = accounts.get(0).id();
        String personId = account(accounts, person).id();
        return new Conversation(driver, driver.createUserThread(personId, botId).id(), personId, botId);
    }

    /** A person talking in a given thread (a group, say) that the bot takes part in. */
    public static Conversation in(EmulatorDriver driver, String threadId, String person) {
        List<DriverAccount> accounts = driver.accounts();
        return new Conversation(driver, threadId, account(accounts, person).id(), accounts.get(0).id());
    }

    /** The thread's id (the emulator's handle). */
    public String threadId() {
        return this.threadId;
    }

    /** The person sends a message. */
    public Said say(String text) {
        return new Said(this.driver.send(this.threadId, this.personId, text));
    }

    private static DriverAccount account(List<DriverAccount> accounts, String person) {
        String lower = person.toLowerCase(Locale.ROOT);
        return accounts.stream()
            .filter(account -> account.id().equals(person) || account.name().toLowerCase(Locale.ROOT).startsWith(lower))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("The emulator has no account " + person));
    }

    /** What the person said, and ways to expect the bot's answer. */
    public final class Said {

        private final DriverMessage message;

        private Said(DriverMessage message) {
            this.message = message;
        }

        /** The message as the emulator stored it. */
        public DriverMessage message() {
            return this.message;
        }

        /**
         * Waits for the bot's first message after this one whose whole text matches {@code regex}, and returns it.
         *
         * @throws AssertionError naming what the bot said instead when none comes within {@code timeout}
         */
        public DriverMessage expectReply(String regex, Duration timeout) {
            Pattern pattern = Pattern.compile(regex);
            Optional<DriverMessage> reply = Conversation.this.driver.awaitMessage(Conversation.this.threadId,
                    candidate -> isBotsAfter(candidate) && candidate.text() != null
                            && pattern.matcher(candidate.text()).matches(),
                    timeout);
            return reply.orElseThrow(() -> new AssertionError("The bot did not reply matching \"" + regex + "\" within "
                    + timeout.toMillis() + " ms to \"" + this.message.text() + "\"; it said: " + botSaid()));
        }

        /**
         * Waits {@code quiet} and checks that the bot said nothing after this message.
         *
         * @throws AssertionError naming what it said
         */
        public void expectNoReply(Duration quiet) {
            Optional<DriverMessage> reply = Conversation.this.driver.awaitMessage(Conversation.this.threadId,
                    this::isBotsAfter, quiet);
            if (reply.isPresent()) {
                throw new AssertionError("The bot replied to \"" + this.message.text() + "\": \"" + reply.get().text()
                        + "\"");
            }
        }

        /** The texts the bot sent in the thread after this message so far, in order. */
        public List<@Nullable String> replies() {
            return botSaid();
        }

        private boolean isBotsAfter(DriverMessage candidate) {
            return candidate.authorId().equals(Conversation.this.botId)
                    && candidate.timestamp() > this.message.timestamp();
        }

        private List<@Nullable String> botSaid() {
            return Conversation.this.driver.messages(Conversation.this.threadId)
                .stream()
                .filter(this::isBotsAfter)
                .map(DriverMessage::text)
                .toList();
        }
    }
}
