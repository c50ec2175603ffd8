package dev.fbchat.test;


import dev.fbchat.Endpoints;
import dev.fbchat.Session;
import dev.fbchat.SessionOptions;
import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.thread.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** A plain JUnit 5 test with an emulator from {@link FbChatEmulatorExtension}. */
@ExtendWith(FbChatEmulatorExtension.class)
class FbChatEmulatorExtensionTests {

    @Test
    void givesTheTestAnEmulatorAndADriver(MessengerEmulator emulator, EmulatorDriver driver) {
        Session session = Session.login(emulator.bot().email(), emulator.bot().password(), null,
                SessionOptions.defaults().withEndpoints(Endpoints.local(emulator.baseUrl())));
        Conversation alice = Conversation.with(driver, "alice");
        alice.say("are you there?");

        String alicesId = emulator.accounts().stream().filter(a -> a.name().startsWith("Alice")).findFirst().orElseThrow().id();
        new User(session, alicesId).sendText("yes");

        assertThat(driver.messages(alice.threadId())).extracting(EmulatorDriver.DriverMessage::text)
            .endsWith("are you there?", "yes");
    }
}
