package dev.fbchat.emulator.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.fbchat.emulator.Account;
import org.jspecify.annotations.Nullable;

/**
 * The read side of the seeded world: profiles, friendships, pages, and threads with a history
 * to fetch, page through and search (docs/emulator-protocol.md, "Seeded history"). Everything
 * is fixed: ids, texts and timestamps are the same in every run. History predates the delta
 * logs: it is not replayed over MQTT, and sequence ids still start at {@value DeltaLog#INITIAL_SEQUENCE_ID}.
 */
final class SeededHistory {

    static final String BOT = "100000000000001";

    static final String ALICE = "100000000000002";

    static final String BOB = "100000000000003";

    static final String CAROL = "100000000000004";

    static final String GRACE = "100000000000011";

    static final String HEIDI = "100000000000012";

    static final String IVAN = "100000000000013";

    static final String JUDY = "100000000000014";

    static final String MALLORY = "100000000000015";

    static final String PASTA_PARADISE = "110000000000001";

    static final String PASTA_ACADEMY = "110000000000002";

    /** 2024-01-01T00:00:00Z: the seeded history starts here. */
    static final long T0 = 1_704_067_200_000L;

    static final long MINUTE = 60_000L;

    static final long HOUR = 60 * MINUTE;

    static final long DAY = 24 * HOUR;

    /** The bot's seen mark: everything after it is unseen. */
    static final long BOT_SEEN_AT = T0 + 7 * DAY + 12 * HOUR;

    private static final String[] GRACE_PHRASES = { "Did you practice the new song?", "Pizza after rehearsal?",
        "The drums were too loud today", "Let's meet at noon tomorrow", "I found a great pizza place downtown" };

    private static final Sticker LIKE_STICKER = new Sticker("369239263222822", "227877430692340", "Like, thumbs up", 120,
            120);

    private final World world;

    private long nextAttachmentId = 500_000_000_000_001L;

    private SeededHistory(World world) {
        this.world = world;
    }

    /** Adds the read-side data to a world that holds the four original accounts and their threads. */
    static void addTo(World world) {
        new SeededHistory(world).seed();
    }

    private void seed() {
        profiles();
        people();
        this.world.people().addPage(new FacebookPage(PASTA_PARADISE, "Pasta Paradise", "pastaparadise", "RESTAURANT",
                "Springfield", 1234, "Fresh pasta every day"));
        this.world.people().addPage(new FacebookPage(PASTA_ACADEMY, "Pasta Academy", "pastaacademy", "SCHOOL", null, 87,
                null));
        originalThreads();
        graceThread();
        bandPractice();
        bookClub();
        pageThread();
        heidiThread();
        judyThread();
        ivanThread();
        garageSale();
        weekendTrip();
        this.world.markSeen(BOT, BOT_SEEN_AT);
    }

    private void profiles() {
        People people = this.world.people();
        people.putProfile(new UserProfile(BOT, "Echo", "Bot", Gender.NEUTER, "echo.bot", false, 0,
                List.of("+15551230001", "+15551230002"), List.of("bot@fbchat.local", "echo.bot@example.com")));
        people.putProfile(new UserProfile(ALICE, "Alice", "Liddell", Gender.FEMALE, "alice.liddell", false, 0.92,
                List.of("+447700900123"), List.of("alice@fbchat.local")));
        people.putProfile(new UserProfile(BOB, "Bob", "Marley", Gender.MALE, "bob.marley", false, 0.81, List.of(),
                List.of("bob@fbchat.local")));
        people.putProfile(new UserProfile(CAROL, "Carol", "Danvers", Gender.FEMALE, "carol.danvers", false, 0.64,
                List.of(), List.of("carol@fbchat.local")));
    }

    private void people() {
        person(GRACE, "Grace Hopper", "grace", Gender.FEMALE, "grace.hopper", false, 0.77);
        person(HEIDI, "Heidi Weber", "heidi", Gender.FEMALE, null, true, 0.05);
        person(IVAN, "Ivan Petrov", "ivan", Gender.MALE, "ivan.petrov", false, 0.33);
        person(JUDY, "Judy Hopps", "judy", Gender.FEMALE, "judy.hopps", false, 0.01);
        person(MALLORY, "Mallory Knox", "mallory", Gender.FEMALE, "mallory.knox", false, 0.45);
        People people = this.world.people();
        for (String friend : List.of(ALICE, BOB, CAROL, GRACE, IVAN, MALLORY)) {
            people.befriend(BOT, friend);
        }
        people.befriend(ALICE, BOB);
        people.befriend(ALICE, CAROL);
        people.befriend(BOB, CAROL);
        people.befriend(ALICE, GRACE);
        people.befriend(BOB, GRACE);
    }

    private void person(String id, String name, String login, Gender gender, @Nullable String username,
            boolean messengerOnly, double affinity) {
        String email = login + "@fbchat.local";
        this.world.seedAccount(new Account(id, name, email, login + "-password"), new UserProfile(id,
                name.split(" ")[0], name.split(" ")[1], gender, username, messengerOnly, affinity, List.of(), List.of(email)));
    }

    /** The original threads stay empty (tests send into them); they only get a fixed age and settings. */
    private void originalThreads() {
        long created = T0 - 31 * DAY;
        for (String id : List.of("200000000000002", "200000000000003", "200000000000004", "300000000000001")) {
            this.world.setCreatedAt(id, created);
            created += MINUTE;
        }
        this.world.setSettings("300000000000001", ThreadSettings.DEFAULT.withAdmins(List.of(BOT)));
    }

    /** Bot and grace: 250 messages, ten minutes apart; the last two, grace's, unread by the bot. */
    private void graceThread() {
        String thread = "200000000000011";
        this.world.seedThread(new ChatThread(thread, ThreadKind.USER, "Echo Bot, Grace Hopper", List.of(BOT, GRACE)),
                T0 - MINUTE, ThreadSettings.DEFAULT);
        for (int i = 0; i < 250; i++) {
            String author = i >= 248 || i % 2 == 0 ? GRACE : BOT;
            message(thread, i + 1, author, T0 + i * 10 * MINUTE,
                    MessageContent.text(GRACE_PHRASES[i % 5] + " (#" + (i + 1) + ")"));
        }
        readAll(thread, Set.of(BOT));
        this.world.markRead(thread, BOT, T0 + 247 * 10 * MINUTE);
        this.world.addPlan(new Plan("700000000000002", thread, "Studio session", (T0 + 10 * DAY) / 1000,
                "Abbey Road Studios", null, GRACE, guests(BOT, Plan.GuestState.GOING, GRACE, Plan.GuestState.GOING),
                (T0 + DAY) / 1000));
    }

    /** A group with files, a mention, a reply, reactions, a sticker, a big emoji, a forward, a poll and a plan. */
    private void bandPractice() {
        String thread = "300000000000002";
        this.world.seedThread(new ChatThread(thread, ThreadKind.GROUP, "Band Practice", List.of(BOT, ALICE, BOB, GRACE)),
                T0 + 4 * DAY, new ThreadSettings(Cdn.groupImage(thread), "#44bec7", "🥁",
                        ordered(ALICE, "Ally", GRACE, "Sticks"), List.of(BOT, GRACE), true, List.of(HEIDI),
                        "https://m.me/j/AbBandPractice1/"));
        long start = T0 + 4 * DAY + 10 * HOUR;
        List<Attachment> photos = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            photos.add(image("rehearsal-" + n + ".jpg", 1600, 1200));
        }
        int k = 0;
        message(thread, ++k, GRACE, start, content("Rehearsal photos from yesterday", photos));
        message(thread, ++k, ALICE, start + 3 * MINUTE, content("Here is the video",
                List.of(new Attachment.Video(nextAttachmentId(), "rehearsal.mp4", 1280, 720, 95_000, 12_582_912))));
        message(thread, ++k, BOB, start + 6 * MINUTE, content(null, List.of(image("stage.png", 800, 600))));
        String question = message(thread, ++k, BOT, start + 9 * MINUTE, new MessageContent(
                "@Alice Liddell can you bring the cables?", List.of(), List.of(new Mention(ALICE, 0, 14)), null, null,
                List.of()));
        StoredMessage answer = StoredMessage.of(id(thread, ++k), thread, ALICE, start + 12 * MINUTE,
                otid(start + 12 * MINUTE, k),
                new MessageContent("Sure, I will!", List.of(), List.of(), question, null, List.of()));
        this.world.seedMessage(answer.withReactions(ordered(BOT, "❤", GRACE, "👍")));
        message(thread, ++k, GRACE, start + 15 * MINUTE,
                new MessageContent(null, List.of(), List.of(), null, LIKE_STICKER, List.of()));
        message(thread, ++k, BOB, start + 18 * MINUTE,
                new MessageContent("👍", List.of(), List.of(), null, null, List.of("hot_emoji_size:large")));
        message(thread, ++k, ALICE, start + 21 * MINUTE, content("Setlist for Friday",
                List.of(new Attachment.File(nextAttachmentId(), "setlist.pdf", 48_213, "application/pdf"))));
        message(thread, ++k, GRACE, start + 24 * MINUTE,
                content(null, List.of(new Attachment.Audio(nextAttachmentId(), "demo.mp3", 184_000, 2_949_120))));
        message(thread, ++k, BOB, start + 27 * MINUTE, new MessageContent("Directions to the venue: take the 5th exit",
                List.of(), List.of(), null, null, List.of("source:chat:forward")));
        String[] dumpers = { GRACE, ALICE, BOB, BOT };
        for (int n = 0; n < 12; n++) {
            Attachment media = n == 5
                    ? new Attachment.Video(nextAttachmentId(), "drum-solo.mp4", 720, 1280, 30_000, 4_194_304)
                    : image("photo-%02d.jpg".formatted(n + 1), 1024, 768);
            message(thread, ++k, dumpers[n % 4], start + (30 + 3 * n) * MINUTE, content(null, List.of(media)));
        }
        message(thread, ++k, BOT, start + 70 * MINUTE, content("Party time", List.of(image("party.gif", 480, 270))));
        message(thread, ++k, BOT, start + 73 * MINUTE,
                MessageContent.text("I made a poll: Which day works for practice?"));
        message(thread, ++k, GRACE, start + 76 * MINUTE, MessageContent.text("And a plan: Gig at The Blue Note"));
        readAll(thread, Set.of());
        this.world.addPoll(new Poll("600000000000001", thread, "Which day works for practice?", List.of(
                new Poll.Option("600000000000011", "Saturday", List.of(BOT, ALICE, GRACE)),
                new Poll.Option("600000000000012", "Sunday", List.of(BOB)),
                new Poll.Option("600000000000013", "Friday night", List.of()))));
        this.world.addPlan(new Plan("700000000000001", thread, "Gig at The Blue Note", 1_706_904_000L, "The Blue Note",
                "800000000000001", GRACE, guests(BOT, Plan.GuestState.GOING, ALICE, Plan.GuestState.GOING, BOB,
                        Plan.GuestState.DECLINED, GRACE, Plan.GuestState.GOING),
                (start + 76 * MINUTE) / 1000));
    }

    /** A group the bot archived. */
    private void bookClub() {
        String thread = "300000000000003";
        this.world.seedThread(new ChatThread(thread, ThreadKind.GROUP, "Book Club", List.of(BOT, ALICE, CAROL, MALLORY)),
                T0 + 2 * DAY, new ThreadSettings(null, "#ffc300", "📚", Map.of(), List.of(ALICE), false, List.of(), null));
        long start = T0 + 2 * DAY + 9 * HOUR;
        message(thread, 1, ALICE, start, MessageContent.text("This month: Dune by Frank Herbert"));
        message(thread, 2, CAROL, start + 5 * MINUTE, MessageContent.text("Already on chapter 3"));
        message(thread, 3, MALLORY, start + 10 * MINUTE, MessageContent.text("Loved the ending!"));
        readAll(thread, Set.of());
        this.world.setFolder(thread, BOT, Folder.ARCHIVED);
    }

    /** The bot and a page. */
    private void pageThread() {
        String thread = "210000000000001";
        this.world.seedThread(new ChatThread(thread, ThreadKind.USER, "Echo Bot, Pasta Paradise",
                List.of(BOT, PASTA_PARADISE)), T0 + 3 * DAY, ThreadSettings.DEFAULT);
        long start = T0 + 3 * DAY + 12 * HOUR;
        message(thread, 1, BOT, start, MessageContent.text("Do you deliver on Sundays?"));
        message(thread, 2, PASTA_PARADISE, start + 2 * MINUTE, MessageContent.text("Yes, from noon to 10 pm!"));
        message(thread, 3, BOT, start + 4 * MINUTE, MessageContent.text("Great, one pizza margherita please"));
        readAll(thread, Set.of());
    }

    /** A message request from heidi (no friend of the bot's), unread. */
    private void heidiThread() {
        String thread = "200000000000012";
        this.world.seedThread(new ChatThread(thread, ThreadKind.USER, "Echo Bot, Heidi Weber", List.of(BOT, HEIDI)),
                T0 + 5 * DAY, ThreadSettings.DEFAULT);
        long start = T0 + 5 * DAY + 8 * HOUR;
        message(thread, 1, HEIDI, start, MessageContent.text("Hi! We met at the concert, remember?"));
        message(thread, 2, HEIDI, start + MINUTE,
                content("Here's the picture we took", List.of(image("concert.jpg", 1080, 1080))));
        readAll(thread, Set.of(BOT));
        this.world.setFolder(thread, BOT, Folder.PENDING);
    }

    /** Spam, filtered into the bot's other folder. */
    private void judyThread() {
        String thread = "200000000000014";
        this.world.seedThread(new ChatThread(thread, ThreadKind.USER, "Echo Bot, Judy Hopps", List.of(BOT, JUDY)),
                T0 + 5 * DAY + 12 * HOUR, ThreadSettings.DEFAULT);
        message(thread, 1, JUDY, T0 + 5 * DAY + 12 * HOUR, MessageContent.text("You won a free cruise! Reply YES to claim"));
        readAll(thread, Set.of());
        this.world.setFolder(thread, BOT, Folder.OTHER);
    }

    /** An archived one-to-one thread. */
    private void ivanThread() {
        String thread = "200000000000013";
        this.world.seedThread(new ChatThread(thread, ThreadKind.USER, "Echo Bot, Ivan Petrov", List.of(BOT, IVAN)),
                T0 + 6 * DAY, ThreadSettings.DEFAULT);
        long start = T0 + 6 * DAY + 18 * HOUR;
        message(thread, 1, IVAN, start, MessageContent.text("Thanks for the help with the move"));
        message(thread, 2, BOT, start + 3 * MINUTE, MessageContent.text("Any time!"));
        readAll(thread, Set.of());
        this.world.setFolder(thread, BOT, Folder.ARCHIVED);
    }

    /** A group in the bot's other folder. */
    private void garageSale() {
        String thread = "300000000000005";
        this.world.seedThread(new ChatThread(thread, ThreadKind.GROUP, "Garage Sale", List.of(BOT, HEIDI, JUDY, MALLORY)),
                T0 + 7 * DAY, ThreadSettings.DEFAULT.withAdmins(List.of(HEIDI)));
        long start = T0 + 7 * DAY + 9 * HOUR;
        message(thread, 1, HEIDI, start, MessageContent.text("Selling my old amp, anyone interested?"));
        message(thread, 2, JUDY, start + 4 * MINUTE, MessageContent.text("How much?"));
        message(thread, 3, MALLORY, start + 8 * MINUTE, MessageContent.text("Is it still available?"));
        readAll(thread, Set.of());
        this.world.setFolder(thread, BOT, Folder.OTHER);
    }

    /** The newest group: the bot wrote first and has neither read nor seen the answers. */
    private void weekendTrip() {
        String thread = "300000000000004";
        this.world.seedThread(new ChatThread(thread, ThreadKind.GROUP, "Weekend Trip", List.of(BOT, BOB, CAROL, IVAN)),
                T0 + 8 * DAY, ThreadSettings.DEFAULT.withAdmins(List.of(BOT)));
        long start = T0 + 8 * DAY + 9 * HOUR;
        message(thread, 1, BOT, start, MessageContent.text("Who's in for the lake this weekend?"));
        message(thread, 2, BOB, start + 7 * MINUTE, MessageContent.text("Me!"));
        message(thread, 3, CAROL, start + 14 * MINUTE, MessageContent.text("Count me in"));
        message(thread, 4, IVAN, start + 21 * MINUTE, MessageContent.text("I'll bring the tent"));
        readAll(thread, Set.of(BOT));
    }

    private String message(String thread, int number, String author, long timestamp, MessageContent content) {
        StoredMessage message = StoredMessage.of(id(thread, number), thread, author, timestamp,
                otid(timestamp, number), content);
        this.world.seedMessage(message);
        return message.id();
    }

    /** Every account taking part, but {@code except}, has read the whole thread. */
    private void readAll(String threadId, Set<String> except) {
        ChatThread thread = this.world.thread(threadId).orElseThrow();
        List<StoredMessage> messages = this.world.messages(threadId);
        long last = messages.get(messages.size() - 1).timestamp();
        for (String participant : thread.participants()) {
            if (!except.contains(participant) && this.world.account(participant).isPresent()) {
                this.world.markRead(threadId, participant, last);
            }
        }
    }

    private Attachment.Image image(String filename, int width, int height) {
        return new Attachment.Image(nextAttachmentId(), filename, width, height);
    }

    private String nextAttachmentId() {
        return Long.toString(this.nextAttachmentId++);
    }

    private static MessageContent content(@Nullable String text, List<Attachment> attachments) {
        return new MessageContent(text, attachments, List.of(), null, null, List.of());
    }

    /** {@code mid.$seed-<thread>-<nnnn>}: the n-th message of the thread, counting from 1. */
    static String id(String thread, int number) {
        return "mid.$seed-" + thread + "-%04d".formatted(number);
    }

    /** An offline threading id as clients make them: the time in ms shifted left 22 bits, plus 22 bits (here the number). */
    private static String otid(long timestamp, int number) {
        return Long.toString(timestamp << 22 | number);
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Plan.GuestState> guests(Object... idsAndStates) {
        Map<String, Plan.GuestState> guests = new LinkedHashMap<>();
        for (int i = 0; i < idsAndStates.length; i += 2) {
            guests.put((String) idsAndStates[i], (Plan.GuestState) idsAndStates[i + 1]);
        }
        return guests;
    }
}
