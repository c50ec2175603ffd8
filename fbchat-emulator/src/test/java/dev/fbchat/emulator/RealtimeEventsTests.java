package dev.fbchat.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fbchat.emulator.driver.EmulatorDriver;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static dev.fbchat.emulator.FixtureShapes.adminText;
import static dev.fbchat.emulator.FixtureShapes.assertSameShape;
import static dev.fbchat.emulator.FixtureShapes.clientDelta;
import static dev.fbchat.emulator.FixtureShapes.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every action of the driver API publishes what Facebook sends for it, in the shape of the real
 * payloads of {@code fixtures/events}, to the MQTT connection of every participant, the actor
 * included; and the world shows the change through the read endpoints. Four accounts listen as
 * Messenger's web client does (Paho over WebSocket); each test reads every delta it causes, in
 * order, and ends with nothing left over.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealtimeEventsTests {

    private static final String BOT_ALICE = "200000000000002";

    private static final String BOT_BOB = "200000000000003";

    private static final String BOT_CAROL = "200000000000004";

    private MessengerEmulator emulator;

    private EmulatorDriver driver;

    private DeltaStream bot;

    private DeltaStream alice;

    private DeltaStream bob;

    private DeltaStream carol;

    private ReadClient botReads;

    @BeforeAll
    void start() throws Exception {
        this.emulator = MessengerEmulator.start();
        this.driver = new EmulatorDriver(this.emulator.baseUrl());
        List<Account> accounts = this.emulator.accounts();
        this.bot = DeltaStream.open(this.emulator, accounts.get(0));
        this.alice = DeltaStream.open(this.emulator, accounts.get(1));
        this.bob = DeltaStream.open(this.emulator, accounts.get(2));
        this.carol = DeltaStream.open(this.emulator, accounts.get(3));
        this.botReads = new ReadClient(this.bot.browser);
    }

    @AfterEach
    void nothingLeftOver() throws Exception {
        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob, this.carol)) {
            stream.assertQuiet();
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob, this.carol)) {
            stream.close();
        }
        this.emulator.close();
    }

    // ---- Messages ----

    @Test
    void reactionsReachEveryParticipantAsClientPayloadsAndShowInMessageReactions() throws Exception {
        String group = newGroup("Reactions", this.bot, this.alice, this.bob);
        DriverMessage message = this.driver.send(group, this.alice.id(), "react to me");
        each(stream -> stream.next("NewMessage"), this.bot, this.alice, this.bob);

        this.driver.react(group, this.bob.id(), message.id(), "❤");

        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob)) {
            JsonNode payload = stream.next("ClientPayload");
            JsonNode inner = DeltaStream.clientPayload(payload);
            assertThat(DeltaStream.clientPayloadText(payload)).as("non-ASCII is escaped").contains("\"reaction\":\"\\u2764\"");
            JsonNode reaction = inner.path("deltas").path(0).path("deltaMessageReaction");
            assertSameShape(inner.path("deltas").path(0),
                    clientDelta("deltaMessageReaction", data -> data.path("action").asInt() == 0));
            assertThat(reaction.path("threadKey").path("threadFbId").isNumber()).isTrue();
            assertThat(reaction.path("threadKey").path("threadFbId").asString()).isEqualTo(group);
            assertThat(reaction.path("messageId").asString()).isEqualTo(message.id());
            assertThat(reaction.path("action").asInt()).isZero();
            assertThat(reaction.path("userId").asString()).isEqualTo(this.bob.id());
            assertThat(reaction.path("senderId").asString()).isEqualTo(this.alice.id());
            assertThat(reaction.path("reaction").asString()).isEqualTo("❤");
        }
        JsonNode reactions = readMessage(group, message.id()).path("message_reactions");
        assertThat(reactions).hasSize(1);
        assertThat(reactions.path(0).path("reaction").asString()).isEqualTo("❤");
        assertThat(reactions.path(0).path("user").path("id").asString()).isEqualTo(this.bob.id());

        this.driver.react(group, this.bob.id(), message.id(), null);

        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob)) {
            JsonNode removal = stream.nextClientDelta("deltaMessageReaction");
            assertSameShape(FixtureShapes.wrap("deltaMessageReaction", removal),
                    clientDelta("deltaMessageReaction", data -> data.path("action").asInt() == 1));
            assertThat(removal.path("action").asInt()).isEqualTo(1);
            assertThat(removal.has("reaction")).isFalse();
        }
        assertThat(readMessage(group, message.id()).path("message_reactions")).isEmpty();
        assertThat(this.driver.messages(group).get(0).reactions()).isEmpty();
    }

    @Test
    void unsendingReachesBothSidesOfAOneToOneThreadAndReadsAsUnsent() throws Exception {
        DriverMessage message = this.driver.send(BOT_ALICE, this.alice.id(), "oops");
        each(stream -> stream.next("NewMessage"), this.bot, this.alice);

        assertThatIllegalStateException().as("only the author unsends")
            .isThrownBy(() -> this.driver.unsend(BOT_ALICE, this.bot.id(), message.id()))
            .withMessageContaining("400");
        DriverMessage unsent = this.driver.unsend(BOT_ALICE, this.alice.id(), message.id());

        assertThat(unsent.unsent()).isTrue();
        assertThat(unsent.text()).isNull();
        for (DeltaStream stream : List.of(this.bot, this.alice)) {
            JsonNode recall = stream.nextClientDelta("deltaRecallMessageData");
            String other = stream == this.bot ? this.alice.id() : this.bot.id();
            assertThat(recall.path("threadKey").path("otherUserFbId").isNumber()).isTrue();
            assertThat(recall.path("threadKey").path("otherUserFbId").asString()).isEqualTo(other);
            assertThat(recall.path("messageID").asString()).isEqualTo(message.id());
            assertThat(recall.path("senderID").isNumber()).isTrue();
            assertThat(recall.path("senderID").asString()).isEqualTo(this.alice.id());
            assertThat(recall.path("deletionTimestamp").isNumber()).isTrue();
            assertThat(recall.path("deletionTimestamp").asLong()).isGreaterThanOrEqualTo(message.timestamp());
        }
        JsonNode read = readMessage(BOT_ALICE, message.id());
        assertThat(read.path("message").isNull()).isTrue();
        assertThat(read.path("unsent_timestamp_precise").asString()).isNotEqualTo("0");
        JsonNode story = read.path("extensible_attachment").path("story_attachment");
        assertThat(story.isObject()).isTrue();
        assertThat(story.path("target").isNull()).as("an unsent message: a story attachment without target").isTrue();
    }

    @Test
    void aReplyIsADeltaMessageReplyNotANewMessage() throws Exception {
        DriverMessage question = this.driver.send(BOT_BOB, this.bob.id(), "question?");
        each(stream -> stream.next("NewMessage"), this.bot, this.bob);

        DriverMessage answer = this.driver.reply(BOT_BOB, this.bot.id(), "answer!", question.id());

        JsonNode fixture = clientDelta("deltaMessageReply", data -> true);
        for (DeltaStream stream : List.of(this.bot, this.bob)) {
            JsonNode reply = stream.nextClientDelta("deltaMessageReply");
            assertSameShape(FixtureShapes.wrap("deltaMessageReply", reply), fixture);
            JsonNode inner = reply.path("message");
            JsonNode metadata = inner.path("messageMetadata");
            assertThat(metadata.path("threadKey").path("otherUserFbId").asString())
                .isEqualTo(stream == this.bot ? this.bob.id() : this.bot.id());
            assertThat(metadata.path("messageId").asString()).isEqualTo(answer.id());
            assertThat(metadata.path("actorFbId").asString()).isEqualTo(this.bot.id());
            assertThat(metadata.path("timestamp").asLong()).isEqualTo(answer.timestamp());
            assertThat(inner.path("body").asString()).isEqualTo("answer!");
            assertThat(inner.path("messageReply").path("replyToMessageId").path("id").asString()).isEqualTo(question.id());
            assertThat(reply.path("repliedToMessage").path("body").asString()).isEqualTo("question?");
            assertThat(reply.path("repliedToMessage").path("messageMetadata").path("actorFbId").asString())
                .isEqualTo(this.bob.id());
        }
        assertThat(this.driver.messages(BOT_BOB).get(1).replyTo()).isEqualTo(question.id());
    }

    @Test
    void stickersFilesAndMentionsTravelInNewMessage() throws Exception {
        DriverMessage plain = this.driver.send(BOT_CAROL, this.carol.id(), "plain");
        for (DeltaStream stream : List.of(this.bot, this.carol)) {
            JsonNode delta = stream.next("NewMessage");
            assertSameShape(delta, FixtureShapes.delta("NewMessage", data -> true));
            assertThat(delta.path("messageMetadata").path("messageId").asString()).isEqualTo(plain.id());
        }

        DriverMessage sticker = this.driver.sendSticker(BOT_CAROL, this.carol.id(), "369239263222822");
        for (DeltaStream stream : List.of(this.bot, this.carol)) {
            JsonNode delta = stream.next("NewMessage");
            assertThat(delta.has("body")).isFalse();
            assertThat(delta.path("attachments").path(0).path("mercury").path("sticker_attachment").path("id").asString())
                .isEqualTo("369239263222822");
        }
        assertThat(readMessage(BOT_CAROL, sticker.id()).path("sticker").path("id").asString()).isEqualTo("369239263222822");

        EmulatorDriver.DriverMessage photo = this.driver.send(BOT_CAROL, this.carol.id(), "look",
                List.of(EmulatorDriver.DriverAttachment.image("beach.png", 800, 600)));
        for (DeltaStream stream : List.of(this.bot, this.carol)) {
            JsonNode attachment = stream.next("NewMessage").path("attachments").path(0);
            assertThat(attachment.path("mercury").path("blob_attachment").path("__typename").asString())
                .isEqualTo("MessageImage");
            assertThat(attachment.path("imageMetadata").path("width").asInt()).isEqualTo(800);
            assertThat(attachment.path("fbid").asString()).isEqualTo(photo.attachments().get(0).id());
        }

        JsonNode mention = postMessage(BOT_CAROL, Map.of("from", this.carol.id(), "text", "hey Echo",
                "mentions", List.of(Map.of("id", this.bot.id(), "offset", 4, "length", 4))));
        for (DeltaStream stream : List.of(this.bot, this.carol)) {
            JsonNode delta = stream.next("NewMessage");
            JsonNode prng = BrowserClient.JSON.readTree(delta.path("data").path("prng").asString());
            assertThat(prng.path(0).path("i").asString()).isEqualTo(this.bot.id());
            assertThat(prng.path(0).path("o").asInt()).isEqualTo(4);
            assertThat(prng.path(0).path("l").asInt()).isEqualTo(4);
            assertThat(delta.path("messageMetadata").path("messageId").asString()).isEqualTo(mention.path("id").asString());
        }
    }

    // ---- A group's title, people and administration ----

    @Test
    void titlesAndPeopleReachEveryoneInTheGroupAndShowInThreadInfo() throws Exception {
        String group = newGroup("Old name", this.bot, this.alice, this.bob);

        this.driver.setTitle(group, this.alice.id(), "Renamed");

        JsonNode named = FixtureShapes.delta("ThreadName", data -> !data.path("name").asString().isEmpty());
        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob)) {
            JsonNode delta = stream.next("ThreadName");
            assertSameShape(delta, named);
            assertThat(delta.path("name").asString()).isEqualTo("Renamed");
            assertThat(delta.path("messageMetadata").path("actorFbId").asString()).isEqualTo(this.alice.id());
            assertThat(delta.path("messageMetadata").path("threadKey").path("threadFbId").asString()).isEqualTo(group);
            assertThat(delta.path("messageMetadata").path("adminText").asString())
                .isEqualTo(stream == this.alice ? "You named the group Renamed." : "Alice Liddell named the group Renamed.");
            assertThat(delta.path("participants")).hasSize(3);
        }
        assertThat(threadInfo(this.botReads, group).path("name").asString()).isEqualTo("Renamed");

        this.driver.addParticipants(group, this.alice.id(), List.of(this.carol.id()));

        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob, this.carol)) {
            JsonNode delta = stream.next("ParticipantsAddedToGroupThread");
            assertSameShape(delta, FixtureShapes.delta("ParticipantsAddedToGroupThread", data -> true));
            assertThat(delta.path("addedParticipants").path(0).path("userFbId").asString()).isEqualTo(this.carol.id());
            assertThat(delta.path("addedParticipants").path(0).path("fullName").asString()).isEqualTo("Carol Danvers");
            assertThat(delta.path("participants")).hasSize(4);
        }
        assertThat(participants(this.botReads, group)).containsExactly(this.bot.id(), this.alice.id(), this.bob.id(),
                this.carol.id());

        this.driver.removeParticipant(group, this.alice.id(), this.bob.id());

        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob, this.carol)) {
            JsonNode delta = stream.next("ParticipantLeftGroupThread");
            assertThat(delta.path("leftParticipantFbId").asString()).isEqualTo(this.bob.id());
            assertThat(delta.path("messageMetadata").path("adminText").asString()).isEqualTo(stream == this.bob
                    ? "Alice Liddell removed you from the group." : stream == this.alice
                            ? "You removed Bob Marley from the group." : "Alice Liddell removed Bob Marley from the group.");
            assertThat(delta.path("irisTags").path(0).asString()).isEqualTo("DeltaParticipantLeftGroupThread");
        }
        assertThat(participants(this.botReads, group)).containsExactly(this.bot.id(), this.alice.id(), this.carol.id());
        assertThat(threadInfo(new ReadClient(this.bob.browser), group).isNull()).as("bob no longer sees it").isTrue();

        this.driver.setTitle(group, this.bot.id(), null);

        JsonNode removed = FixtureShapes.delta("ThreadName", data -> data.path("name").asString().isEmpty());
        for (DeltaStream stream : List.of(this.bot, this.alice, this.carol)) {
            JsonNode delta = stream.next("ThreadName");
            assertSameShape(delta, removed);
            assertThat(delta.path("name").asString()).isEmpty();
        }
    }

    @Test
    void adminsAndApprovalModeAreAdminTexts() throws Exception {
        String group = newGroup("Admins", this.bot, this.alice, this.bob);

        this.driver.addAdmins(group, this.bot.id(), List.of(this.alice.id()));

        JsonNode fixture = adminText("change_thread_admins", data -> true);
        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob)) {
            JsonNode delta = stream.next("AdminTextMessage");
            assertSameShape(delta, fixture);
            assertThat(delta.path("type").asString()).isEqualTo("change_thread_admins");
            assertThat(delta.path("untypedData").path("ADMIN_EVENT").asString()).isEqualTo("add_admin");
            assertThat(delta.path("untypedData").path("TARGET_ID").asString()).isEqualTo(this.alice.id());
        }
        this.driver.removeAdmins(group, this.bot.id(), List.of(this.bot.id()));
        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob)) {
            JsonNode delta = stream.next("AdminTextMessage");
            assertSameShape(delta, fixture);
            assertThat(delta.path("untypedData").path("ADMIN_EVENT").asString()).isEqualTo("remove_admin");
            assertThat(delta.path("messageMetadata").path("adminText").asString()).isEqualTo(stream == this.bot
                    ? "You removed yourself as a group admin." : "Echo Bot removed themselves as a group admin.");
        }
        this.driver.setApprovalMode(group, this.alice.id(), true);
        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob)) {
            JsonNode delta = stream.next("AdminTextMessage");
            assertSameShape(delta, adminText("change_thread_approval_mode", data -> true));
            assertThat(delta.path("untypedData").path("APPROVAL_MODE").asString()).isEqualTo("1");
        }

        JsonNode info = threadInfo(this.botReads, group);
        assertThat(info.path("thread_admins").findValuesAsString("id")).containsExactly(this.alice.id());
        assertThat(info.path("approval_mode").asInt()).isEqualTo(1);
    }

    @Test
    void colorEmojiAndNicknamesAreAdminTextsInGroupsAndOneToOneThreads() throws Exception {
        String group = newGroup("Colours", this.bot, this.alice);

        this.driver.setColor(group, this.alice.id(), "#FF7E29");

        for (DeltaStream stream : List.of(this.bot, this.alice)) {
            JsonNode delta = stream.next("AdminTextMessage");
            assertSameShape(delta, adminText("change_thread_theme", data -> true));
            assertThat(delta.path("untypedData").path("theme_color").asString()).isEqualTo("FFFF7E29");
            assertThat(delta.path("untypedData").path("accessibility_label").asString()).isEqualTo("Orange");
        }
        assertThat(threadInfo(this.botReads, group).path("customization_info").path("outgoing_bubble_color").asString())
            .isEqualTo("FFFF7E29");

        this.driver.setEmoji(BOT_ALICE, this.alice.id(), "🌟");

        for (DeltaStream stream : List.of(this.bot, this.alice)) {
            JsonNode delta = stream.next("AdminTextMessage");
            assertSameShape(delta, adminText("change_thread_icon", data -> true));
            assertThat(delta.path("untypedData").path("thread_icon").asString()).isEqualTo("🌟");
            assertThat(delta.path("untypedData").path("thread_icon_url").asString()).endsWith("/1f31f.png");
            assertThat(delta.path("messageMetadata").path("threadKey").path("otherUserFbId").asString())
                .isEqualTo(stream == this.bot ? this.alice.id() : this.bot.id());
        }
        assertThat(threadInfo(this.botReads, this.alice.id()).path("customization_info").path("emoji").asString())
            .isEqualTo("🌟");

        this.driver.setNickname(BOT_ALICE, this.alice.id(), this.bot.id(), "Botty");

        for (DeltaStream stream : List.of(this.bot, this.alice)) {
            JsonNode delta = stream.next("AdminTextMessage");
            assertSameShape(delta, adminText("change_thread_nickname", data -> !group(data)));
            assertThat(delta.path("untypedData").path("nickname").asString()).isEqualTo("Botty");
            assertThat(delta.path("untypedData").path("participant_id").asString()).isEqualTo(this.bot.id());
            assertThat(delta.path("messageMetadata").path("adminText").asString()).isEqualTo(stream == this.bot
                    ? "Alice Liddell set your nickname to Botty." : "You set the nickname for Echo Bot to Botty.");
        }
        JsonNode nicknames = threadInfo(this.botReads, this.alice.id()).path("customization_info")
            .path("participant_customizations");
        assertThat(nicknames.findValuesAsString("nickname")).containsExactly("Botty");

        this.driver.setNickname(group, this.bot.id(), this.alice.id(), "Al");
        for (DeltaStream stream : List.of(this.bot, this.alice)) {
            JsonNode delta = stream.next("AdminTextMessage");
            assertThat(delta.path("type").asString()).isEqualTo("change_thread_nickname");
            assertThat(delta.path("participants")).hasSize(2);
            assertThat(delta.path("messageMetadata").path("adminText").asString()).isEqualTo(stream == this.alice
                    ? "Echo Bot set your nickname to Al." : "You set the nickname for Alice Liddell to Al.");
        }
    }

    @Test
    void aNewGroupPictureForcesAFetch() throws Exception {
        String group = newGroup("Pictures", this.bot, this.carol);

        this.driver.setImage(group, this.carol.id(), "https://cdn.fbchat.local/groups/new.jpg");

        JsonNode fixture = FixtureShapes.delta("ForcedFetch", data -> data.has("messageId"));
        for (DeltaStream stream : List.of(this.bot, this.carol)) {
            JsonNode delta = stream.next("ForcedFetch");
            assertSameShape(delta, fixture);
            assertThat(delta.path("messageId").asString()).startsWith("mid.$");
            assertThat(delta.path("threadKey").path("threadFbId").asString()).isEqualTo(group);
        }
        assertThat(threadInfo(this.botReads, group).path("image").path("uri").asString())
            .isEqualTo("https://cdn.fbchat.local/groups/new.jpg");
    }

    // ---- Receipts and folders ----

    @Test
    void readDeliveredFolderAndSeenMarks() throws Exception {
        String group = newGroup("Receipts", this.bot, this.alice, this.bob);
        DriverMessage message = this.driver.send(group, this.alice.id(), "read me");
        each(stream -> stream.next("NewMessage"), this.bot, this.alice, this.bob);

        this.driver.markRead(group, this.bob.id());

        JsonNode markRead = this.bob.next("MarkRead");
        assertThat(markRead.path("threadKeys").path(0).path("threadFbId").asString()).isEqualTo(group);
        assertThat(markRead.path("watermarkTimestamp").asString()).isEqualTo(Long.toString(message.timestamp()));
        assertThat(markRead.path("actionTimestamp").isString()).isTrue();
        assertThat(markRead.path("irisTags").path(0).asString()).isEqualTo("DeltaMarkRead");
        for (DeltaStream stream : List.of(this.bot, this.alice)) {
            JsonNode receipt = stream.next("ReadReceipt");
            assertSameShape(receipt, FixtureShapes.delta("ReadReceipt", data -> true));
            assertThat(receipt.path("actorFbId").asString()).isEqualTo(this.bob.id());
            assertThat(receipt.path("watermarkTimestampMs").asString()).isEqualTo(Long.toString(message.timestamp()));
        }
        assertThat(this.driver.thread(group).readWatermarks()).containsEntry(this.bob.id(), message.timestamp());

        assertThat(this.driver.markDelivered(group, this.bob.id())).containsExactly(message.id());
        for (DeltaStream stream : List.of(this.bot, this.alice)) {
            JsonNode delivered = stream.next("DeliveryReceipt");
            assertThat(delivered.path("actorFbId").asString()).isEqualTo(this.bob.id());
            assertThat(delivered.path("messageIds").path(0).asString()).isEqualTo(message.id());
            assertThat(delivered.path("threadKey").path("threadFbId").asString()).isEqualTo(group);
        }

        DriverMessage toBot = this.driver.send(BOT_BOB, this.bob.id(), "deliver me");
        each(stream -> stream.next("NewMessage"), this.bot, this.bob);
        this.driver.markDelivered(BOT_BOB, this.bot.id(), List.of(toBot.id()));
        JsonNode delivered = this.bob.next("DeliveryReceipt");
        assertSameShape(delivered, FixtureShapes.delta("DeliveryReceipt", data -> !group(data)));
        assertThat(delivered.path("threadKey").path("otherUserFbId").asString()).as("the deliverer names the thread")
            .isEqualTo(this.bot.id());

        this.driver.moveThread(BOT_BOB, this.bot.id(), "ARCHIVED");
        JsonNode folder = this.bot.next("ThreadFolder");
        assertSameShape(folder, FixtureShapes.delta("ThreadFolder", data -> true));
        assertThat(folder.path("folder").asString()).isEqualTo("FOLDER_ARCHIVED");
        assertThat(folder.path("threadKey").path("otherUserFbId").asString()).isEqualTo(this.bob.id());
        assertThat(threadInfo(this.botReads, this.bob.id()).path("folder").asString()).isEqualTo("ARCHIVED");
        this.driver.moveThread(group, this.bot.id(), "PENDING");
        JsonNode pending = this.bot.next("ThreadFolder");
        assertThat(pending.path("folder").asString()).isEqualTo("FOLDER_PENDING");
        assertThat(pending.path("threadKey").path("threadFbId").asString()).isEqualTo(group);
        this.driver.moveThread(BOT_BOB, this.bot.id(), "INBOX");
        this.driver.moveThread(group, this.bot.id(), "INBOX");
        assertThat(this.bot.next("ThreadFolder").path("folder").asString()).isEqualTo("FOLDER_INBOX");
        assertThat(this.bot.next("ThreadFolder").path("folder").asString()).isEqualTo("FOLDER_INBOX");

        this.driver.markSeen(this.bot.id(), 1_700_000_000_000L);
        JsonNode seen = this.bot.next("MarkFolderSeen");
        assertThat(seen.path("folders").path(0).asString()).isEqualTo("FOLDER_INBOX");
        assertThat(seen.path("timestamp").asString()).isEqualTo("1700000000000");
    }

    // ---- Topics: typing, presence, friend requests ----

    @Test
    void typingGoesToTheOthersOnItsTopic() throws Exception {
        String group = newGroup("Typing", this.bot, this.alice, this.bob);

        this.driver.typing(group, this.alice.id(), true);

        JsonNode threadTyping = FixtureShapes.fixture("/thread_typing", data -> data.has("thread") && data.has("sender_fbid"));
        for (DeltaStream stream : List.of(this.bot, this.bob)) {
            JsonNode frame = stream.nextFrame("/thread_typing");
            assertSameShape(frame, threadTyping);
            assertThat(frame.path("sender_fbid").asString()).isEqualTo(this.alice.id());
            assertThat(frame.path("state").asInt()).isEqualTo(1);
            assertThat(frame.path("thread").asString()).isEqualTo(group);
        }

        this.driver.typing(BOT_ALICE, this.alice.id(), false);

        JsonNode frame = this.bot.nextFrame("/orca_typing_notifications");
        assertSameShape(frame, FixtureShapes.fixture("/orca_typing_notifications",
                data -> data.has("sender_fbid") && !data.has("thread")));
        assertThat(frame.path("sender_fbid").asString()).isEqualTo(this.alice.id());
        assertThat(frame.path("state").asInt()).isZero();
    }

    @Test
    void presenceGoesToContactsAndAFullListOnRequest() throws Exception {
        this.driver.setPresence(this.alice.id(), true);

        for (DeltaStream stream : List.of(this.bot, this.bob, this.carol)) {
            JsonNode frame = stream.nextFrame("/orca_presence");
            assertThat(frame.path("list_type").asString()).isEqualTo("inc");
            JsonNode entry = frame.path("list").path(0);
            assertThat(entry.path("u").isNumber()).isTrue();
            assertThat(entry.path("u").asString()).isEqualTo(this.alice.id());
            assertThat(entry.path("p").asInt()).isEqualTo(2);
        }

        int entries = this.driver.sendFullPresence(this.bot.id());

        JsonNode full = this.bot.nextFrame("/orca_presence");
        JsonNode fixture = FixtureShapes.fixture("/orca_presence", data -> data.has("list_type"));
        assertThat(full.path("list_type").asString()).isEqualTo(fixture.path("list_type").asString());
        assertThat(full.path("list")).hasSize(entries);
        JsonNode aliceEntry = null;
        for (JsonNode entry : full.path("list")) {
            if (entry.path("u").asString().equals(this.alice.id())) {
                aliceEntry = entry;
            }
        }
        assertThat(aliceEntry).isNotNull();
        assertThat(aliceEntry.path("p").asInt()).isEqualTo(2);

        this.driver.setPresence(this.alice.id(), false);
        for (DeltaStream stream : List.of(this.bot, this.bob, this.carol)) {
            JsonNode entry = stream.nextFrame("/orca_presence").path("list").path(0);
            assertThat(entry.path("p").asInt()).isZero();
            assertThat(entry.path("l").isNumber()).isTrue();
        }
    }

    @Test
    void aFriendRequestGoesOnLegacyWeb() throws Exception {
        EmulatorDriver.DriverAccount zed = this.driver.createAccount(EmulatorDriver.NewAccount.named("Zed Stranger"));

        this.driver.sendFriendRequest(zed.id(), this.bot.id());

        JsonNode frame = this.bot.nextFrame("/legacy_web");
        assertThat(frame.path("type").asString()).isEqualTo("jewel_requests_add");
        assertThat(frame.path("from").asString()).isEqualTo(zed.id());
        assertThatIllegalStateException().as("friends already")
            .isThrownBy(() -> this.driver.sendFriendRequest(this.alice.id(), this.bot.id()));
    }

    // ---- Calls, polls, plans ----

    @Test
    void groupCallsLogStartJoinAndEnd() throws Exception {
        String group = newGroup("Calls", this.bot, this.alice, this.bob);

        this.driver.startCall(group, this.alice.id(), false);

        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob)) {
            JsonNode delta = stream.next("AdminTextMessage");
            assertSameShape(delta, adminText("messenger_call_log",
                    data -> data.path("untypedData").path("event").asString().equals("group_call_started")));
            assertThat(delta.path("untypedData").path("caller_id").asString()).isEqualTo(this.alice.id());
        }
        JsonNode call = threadInfo(this.botReads, group).path("rtc_call_data");
        assertThat(call.path("call_state").asString()).isEqualTo("AUDIO_GROUP_CALL");
        assertThat(call.path("initiator").path("id").asString()).isEqualTo(this.alice.id());

        this.driver.joinCall(group, this.bob.id());

        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob)) {
            JsonNode delta = stream.next("AdminTextMessage");
            assertSameShape(delta, adminText("participant_joined_group_call", data -> true));
            assertThat(delta.path("untypedData").path("joining_user").asString()).isEqualTo(this.bob.id());
        }

        this.driver.endCall(group, this.bot.id());

        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob)) {
            JsonNode delta = stream.next("AdminTextMessage");
            assertSameShape(delta, adminText("messenger_call_log",
                    data -> data.path("untypedData").path("event").asString().equals("group_call_ended")));
            assertThat(delta.path("untypedData").path("call_duration").asString()).matches("\\d+");
            assertThat(delta.path("messageMetadata").path("adminText").asString()).isEqualTo("The call ended.");
        }
        assertThat(threadInfo(this.botReads, group).path("rtc_call_data").path("call_state").asString())
            .isEqualTo("NO_ONGOING_CALL");
    }

    @Test
    void oneToOneCallsLogOnlyTheirEnd() throws Exception {
        this.driver.startCall(BOT_BOB, this.bob.id(), true);
        assertThat(this.bot.mqtt.pollSync(100)).as("a one-to-one call logs nothing when it starts").isNull();

        this.driver.endCall(BOT_BOB, this.bot.id());

        for (DeltaStream stream : List.of(this.bot, this.bob)) {
            JsonNode delta = stream.next("AdminTextMessage");
            assertSameShape(delta, adminText("messenger_call_log",
                    data -> data.path("untypedData").path("event").asString().equals("one_on_one_call_ended")));
            assertThat(delta.path("messageMetadata").path("actorFbId").asString()).isEqualTo(this.bob.id());
            assertThat(delta.path("untypedData").path("callee_id").asString()).isEqualTo(this.bot.id());
            assertThat(delta.path("messageMetadata").path("adminText").asString())
                .isEqualTo(stream == this.bot ? "Bob Marley called you." : "You called Echo Bot.");
        }
    }

    @Test
    void pollsAreCreatedAndVotedAndShowInPollOptions() throws Exception {
        String group = newGroup("Polls", this.bot, this.alice, this.bob);
        Map<String, Boolean> options = new LinkedHashMap<>();
        options.put("Pizza", true);
        options.put("Sushi", false);

        EmulatorDriver.DriverPoll poll = this.driver.createPoll(group, this.alice.id(), "Lunch?", options);

        JsonNode fixture = adminText("group_poll", data -> true);
        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob)) {
            JsonNode delta = stream.next("AdminTextMessage");
            assertSameShape(delta, fixture);
            JsonNode data = delta.path("untypedData");
            assertThat(data.path("event_type").asString()).isEqualTo("question_creation");
            assertThat(data.path("question_id").asString()).isEqualTo(poll.id());
            JsonNode question = BrowserClient.JSON.readTree(data.path("question_json").asString());
            assertSameShape(question,
                    BrowserClient.JSON.readTree(fixture.path("untypedData").path("question_json").asString()));
            assertThat(question.path("text").asString()).isEqualTo("Lunch?");
            assertThat(question.path("total_count").asInt()).isEqualTo(2);
            assertThat(question.path("viewer_has_voted").asString()).isEqualTo(stream == this.alice ? "true" : "false");
            assertThat(question.path("options").path(0).path("text").asString()).isEqualTo("Pizza");
        }

        String sushi = poll.options().get(1).id();
        EmulatorDriver.DriverPoll voted = this.driver.vote(group, poll.id(), this.bob.id(), List.of(sushi), List.of("Tacos"));

        String tacos = voted.options().get(2).id();
        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob)) {
            JsonNode data = stream.next("AdminTextMessage").path("untypedData");
            assertThat(data.path("event_type").asString()).isEqualTo("update_vote");
            assertThat(data.path("added_option_ids").asString()).isEqualTo("[" + sushi + "," + tacos + "]");
            assertThat(data.path("removed_option_ids").asString()).isEqualTo("[]");
        }
        JsonNode pollOptions = this.botReads.payload("/ajax/mercury/get_poll_options", Map.of("question_id", poll.id()));
        assertThat(pollOptions).hasSize(3);
        assertThat(pollOptions.findValuesAsString("text")).containsExactlyInAnyOrder("Pizza", "Sushi", "Tacos");
        for (JsonNode option : pollOptions) {
            assertThat(option.path("total_count").asInt()).isEqualTo(1);
        }
    }

    @Test
    void plansAreCreatedAnsweredEditedEndedAndDeleted() throws Exception {
        String group = newGroup("Plans", this.bot, this.alice, this.bob);
        Instant time = Instant.parse("2030-06-01T12:00:00Z");

        EmulatorDriver.DriverPlan plan = this.driver.createPlan(group, this.alice.id(), "Picnic", time, "The Park");

        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob)) {
            JsonNode delta = stream.next("AdminTextMessage");
            assertThat(delta.path("type").asString()).isEqualTo("lightweight_event_create");
            JsonNode data = delta.path("untypedData");
            assertThat(data.path("event_id").asString()).isEqualTo(plan.id());
            assertThat(data.path("event_time").asString()).isEqualTo(Long.toString(time.getEpochSecond()));
            assertThat(data.path("event_creator_id").asString()).isEqualTo(this.alice.id());
            JsonNode guests = BrowserClient.JSON.readTree(data.path("guest_state_list").asString());
            assertThat(guests).hasSize(3);
            for (JsonNode guest : guests) {
                assertThat(guest.path("guest_list_state").asString())
                    .isEqualTo(guest.path("node").path("id").asString().equals(this.alice.id()) ? "GOING" : "INVITED");
            }
        }
        JsonNode reminders = threadInfo(this.botReads, group).path("event_reminders").path("nodes");
        assertThat(reminders.findValuesAsString("event_title")).containsExactly("Picnic");

        this.driver.respondToPlan(group, plan.id(), this.bob.id(), false);
        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob)) {
            JsonNode data = stream.next("AdminTextMessage").path("untypedData");
            assertThat(data.path("guest_status").asString()).isEqualTo("DECLINED");
            assertThat(data.path("guest_id").asString()).isEqualTo(this.bob.id());
        }

        this.driver.editPlan(group, plan.id(), this.alice.id(), Map.of("title", "Picnic 2", "locationId", "800000000000009"));
        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob)) {
            JsonNode delta = stream.next("AdminTextMessage");
            assertSameShape(delta, adminText("lightweight_event_update", data -> true));
            assertThat(delta.path("untypedData").path("event_title").asString()).isEqualTo("Picnic 2");
        }
        JsonNode fetched = this.botReads.payload("/ajax/eventreminder", Map.of("event_reminder_id", plan.id()));
        assertThat(fetched.path("title").asString()).isEqualTo("Picnic 2");
        assertThat(fetched.path("event_members").path(this.bob.id()).asString()).isEqualTo("DECLINED");

        this.driver.endPlan(group, plan.id());
        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob)) {
            JsonNode delta = stream.next("AdminTextMessage");
            assertThat(delta.path("type").asString()).isEqualTo("lightweight_event_notify");
            assertThat(delta.path("messageMetadata").path("actorFbId").asString()).isEqualTo(this.alice.id());
        }

        this.driver.deletePlan(group, plan.id(), this.bob.id());
        for (DeltaStream stream : List.of(this.bot, this.alice, this.bob)) {
            JsonNode delta = stream.next("AdminTextMessage");
            assertSameShape(delta, adminText("lightweight_event_delete", data -> true));
        }
        assertThat(threadInfo(this.botReads, group).path("event_reminders").path("nodes")).isEmpty();
        assertThat(this.botReads.post("/ajax/eventreminder", Map.of("event_reminder_id", plan.id())).path("error").asInt())
            .isEqualTo(1357031);
    }

    // ---- Live location, blocking ----

    @Test
    void liveLocationsAreClientPayloads() throws Exception {
        this.driver.shareLiveLocation(BOT_ALICE, this.alice.id(), 48.8584, 2.2945, "Eiffel Tower");

        List<String> ids = new ArrayList<>();
        for (DeltaStream stream : List.of(this.bot, this.alice)) {
            JsonNode data = stream.nextClientDelta("liveLocationData");
            assertThat(data.path("threadKey").path("otherUserFbId").asString())
                .isEqualTo(stream == this.bot ? this.alice.id() : this.bot.id());
            JsonNode location = data.path("messageLiveLocations").path(0);
            assertThat(location.path("coordinate").path("latitude").asLong()).isEqualTo(4_885_840_000L);
            assertThat(location.path("coordinate").path("longitude").asLong()).isEqualTo(229_450_000L);
            assertThat(location.path("senderId").asString()).isEqualTo(this.alice.id());
            assertThat(location.path("locationTitle").asString()).isEqualTo("Eiffel Tower");
            assertThat(location.path("expirationTime").isNumber()).isTrue();
            assertThat(location.has("stopReason")).isFalse();
            ids.add(data.path("messageId").asString() + "/" + location.path("id").asString());
        }

        this.driver.stopLiveLocation(BOT_ALICE, this.alice.id(), 48.8584, 2.2945);

        for (DeltaStream stream : List.of(this.bot, this.alice)) {
            JsonNode data = stream.nextClientDelta("liveLocationData");
            JsonNode location = data.path("messageLiveLocations").path(0);
            assertThat(location.has("stopReason")).isTrue();
            assertThat(data.path("messageId").asString() + "/" + location.path("id").asString()).isEqualTo(ids.get(0));
        }
    }

    @Test
    void blockingChangesTheViewerStatusOfBothSides() throws Exception {
        this.driver.setBlocked(this.bot.id(), this.carol.id(), true);

        JsonNode fixture = clientDelta("deltaChangeViewerStatus", data -> !data.path("canViewerReply").asBoolean());
        for (DeltaStream stream : List.of(this.bot, this.carol)) {
            JsonNode status = stream.nextClientDelta("deltaChangeViewerStatus");
            assertSameShape(FixtureShapes.wrap("deltaChangeViewerStatus", status), fixture);
            assertThat(status.path("threadKey").path("otherUserFbId").asString())
                .isEqualTo(stream == this.bot ? this.carol.id() : this.bot.id());
            assertThat(status.path("canViewerReply").asBoolean()).isFalse();
            assertThat(status.path("reason").asInt()).isEqualTo(2);
            assertThat(status.path("actorFbid").asString()).isEqualTo(this.bot.id());
        }
        JsonNode profile = this.botReads.payload("/chat/user_info/", Map.of("ids[0]", this.carol.id()))
            .path("profiles").path(this.carol.id());
        assertThat(profile.path("is_blocked").asBoolean()).isTrue();

        this.driver.setBlocked(this.bot.id(), this.carol.id(), false);

        for (DeltaStream stream : List.of(this.bot, this.carol)) {
            assertThat(stream.nextClientDelta("deltaChangeViewerStatus").path("canViewerReply").asBoolean()).isTrue();
        }
        assertThat(this.botReads.payload("/chat/user_info/", Map.of("ids[0]", this.carol.id()))
            .path("profiles").path(this.carol.id()).path("is_blocked").asBoolean()).isFalse();
    }

    // ---- Helpers ----

    /** A new group of these people: each gets a {@code ForcedFetch} without message, as for a new thread. */
    private String newGroup(String name, DeltaStream... members) throws Exception {
        List<String> ids = java.util.Arrays.stream(members).map(DeltaStream::id).toList();
        String group = this.driver.createGroup(name, ids).id();
        JsonNode fixture = FixtureShapes.delta("ForcedFetch", data -> !data.has("messageId"));
        for (DeltaStream member : members) {
            JsonNode delta = member.next("ForcedFetch");
            assertSameShape(delta, fixture);
            assertThat(delta.path("threadKey").path("threadFbId").asString()).isEqualTo(group);
        }
        return group;
    }

    private JsonNode postMessage(String threadId, Map<String, ?> request) {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(java.net.http.HttpRequest.newBuilder(this.emulator.baseUrl().resolve("/_emulator/threads/" + threadId
                        + "/messages"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(BrowserClient.JSON.writeValueAsString(request)))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return BrowserClient.JSON.readTree(response.body());
        }
        catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }

    /** A thread as the reader sees it (doc {@code 2147762685294928}), by its protocol id; JSON null when unknown. */
    private static JsonNode threadInfo(ReadClient reader, String protocolId) {
        return reader.doc("2147762685294928", ReadClient.map("id", protocolId, "message_limit", 0, "load_messages", false,
                "load_read_receipts", false, "before", null)).path("data").path("message_thread");
    }

    private static List<String> participants(ReadClient reader, String protocolId) {
        List<String> ids = new ArrayList<>();
        threadInfo(reader, protocolId).path("all_participants").path("nodes")
            .forEach(node -> ids.add(node.path("messaging_actor").path("id").asString()));
        return ids;
    }

    /** A message as the bot reads it, by the thread's handle (groups) or the other person's id. */
    private JsonNode readMessage(String threadHandle, String messageId) {
        String protocolId = switch (threadHandle) {
            case BOT_ALICE -> this.alice.id();
            case BOT_BOB -> this.bob.id();
            case BOT_CAROL -> this.carol.id();
            default -> threadHandle;
        };
        JsonNode thread = this.botReads.doc("1860982147341344", ReadClient.map("id", protocolId, "message_limit", 50,
                "load_messages", true, "load_read_receipts", false, "before", null)).path("data").path("message_thread");
        for (JsonNode message : thread.path("messages").path("nodes")) {
            if (message.path("message_id").asString().equals(messageId)) {
                return message;
            }
        }
        throw new AssertionError("the bot does not read " + messageId + " in " + threadHandle);
    }

    private interface StreamCheck {

        void check(DeltaStream stream) throws Exception;
    }

    private static void each(StreamCheck check, DeltaStream... streams) throws Exception {
        for (DeltaStream stream : streams) {
            check.check(stream);
        }
    }
}
