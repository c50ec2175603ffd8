package dev.fbchat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverAccount;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverThread;
import dev.fbchat.emulator.driver.EmulatorDriver.RecordedRequest;
import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.event.Connect;
import dev.fbchat.listen.Listener;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One emulator for a class of action tests, registered as a JUnit extension
 * ({@code @RegisterExtension static final ActionFixture bot = new ActionFixture();}): before the class, the bot logged
 * in over HTTP with a listening {@link Listener}, and the driver; after it, both closed. Gives ways to read what the
 * bot sent.
 */
final class ActionFixture implements BeforeAllCallback, AfterAllCallback {

    static final String BOT = "100000000000001";

    static final String ALICE = "100000000000002";

    static final String BOB = "100000000000003";

    static final String CAROL = "100000000000004";

    /** The fields every request of a session carries; left out where a test compares a form with fbchat's. */
    private static final Set<String> SESSION_FIELDS = Set.of("__a", "__req", "__rev", "fb_dtsg");

    /** The fields {@code _do_send_request} adds to every send. */
    private static final Set<String> SEND_FIELDS = Set.of("client", "author", "timestamp", "source",
            "offline_threading_id", "message_id", "threading_id", "ephemeral_ttl_mode:");

    MessengerEmulator emulator;

    EmulatorDriver driver;

    Session session;

    Client client;

    EventRecorder events;

    @Override
    public void beforeAll(ExtensionContext context) {
        this.emulator = MessengerEmulator.start();
        this.driver = new EmulatorDriver(this.emulator.baseUrl());
        this.session = login(this.emulator.bot().email(), this.emulator.bot().password());
        this.client = new Client(this.session);
        this.events = EventRecorder.start(new Listener(this.session, false, false));
        this.events.awaitCount(Connect.class, 1, Duration.ofSeconds(5));
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        this.events.close();
        this.emulator.close();
    }

    /** Logs another seeded account in. */
    Session loginAs(String accountId) {
        DriverAccount account = this.driver.accounts()
            .stream()
            .filter(candidate -> candidate.id().equals(accountId))
            .findFirst()
            .orElseThrow();
        return login(account.email(), account.password());
    }

    private Session login(String email, String password) {
        return Session.login(email, password, null,
                SessionOptions.defaults().withEndpoints(Endpoints.local(this.emulator.baseUrl())));
    }

    /** A new group of the bot and others, the bot its administrator. */
    DriverThread newGroup(String name, String... others) {
        List<String> participants = new java.util.ArrayList<>(List.of(BOT));
        participants.addAll(List.of(others));
        return this.driver.createGroup(name, participants);
    }

    /** The newest request to a path. */
    RecordedRequest lastRequest(String path) {
        List<RecordedRequest> requests = this.driver.requests(path);
        if (requests.isEmpty()) {
            throw new AssertionError("no request to " + path);
        }
        return requests.get(requests.size() - 1);
    }

    /** How many requests went to a path. */
    int requestCount(String path) {
        return this.driver.requests(path).size();
    }

    /** The newest request's form without the session fields, in order. */
    Map<String, String> lastForm(String path) {
        Map<String, String> form = new LinkedHashMap<>(lastRequest(path).fields());
        form.keySet().removeAll(SESSION_FIELDS);
        return form;
    }

    /** The newest send's form without the session fields and the fields every send carries, in order. */
    Map<String, String> lastSend() {
        Map<String, String> form = lastForm("/messaging/send/");
        if (!form.keySet().containsAll(SEND_FIELDS)) {
            throw new AssertionError("a send without the fields of _do_send_request: " + form.keySet());
        }
        form.keySet().removeAll(SEND_FIELDS);
        return form;
    }

    /** A PNG picture of the given size. */
    static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
