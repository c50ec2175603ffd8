package dev.fbchat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fbchat.attachment.AudioAttachment;
import dev.fbchat.attachment.FileAttachment;
import dev.fbchat.attachment.ImageAttachment;
import dev.fbchat.attachment.LocationAttachment;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverMessage;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverMute;
import dev.fbchat.emulator.driver.EmulatorDriver.DriverThread;
import dev.fbchat.emulator.driver.EmulatorDriver.RecordedFile;
import dev.fbchat.event.ColorSet;
import dev.fbchat.event.EmojiSet;
import dev.fbchat.event.MessageEvent;
import dev.fbchat.event.MessageReplyEvent;
import dev.fbchat.event.NicknameSet;
import dev.fbchat.event.PlanCreated;
import dev.fbchat.event.PollCreated;
import dev.fbchat.event.Typing;
import dev.fbchat.listen.Listener;
import dev.fbchat.message.EmojiSize;
import dev.fbchat.message.Mention;
import dev.fbchat.message.MentionFormatter;
import dev.fbchat.message.Message;
import dev.fbchat.message.MessageData;
import dev.fbchat.poll.PollOption;
import dev.fbchat.thread.Group;
import dev.fbchat.thread.GroupData;
import dev.fbchat.thread.Page;
import dev.fbchat.thread.ThreadColors;
import dev.fbchat.thread.User;
import dev.fbchat.upload.FileUpload;
import dev.fbchat.upload.UploadedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.fbchat.ActionFixture.ALICE;
import static dev.fbchat.ActionFixture.BOB;
import static dev.fbchat.ActionFixture.BOT;
import static dev.fbchat.ActionFixture.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * What a bot does to a thread, end to end against the emulator: each method's request (path and form fields, as
 * fbchat sends them), what it returns, what it changes in the world (read back through the fetch methods or the
 * driver), and, where Facebook tells every participant, the event the bot's own listener receives.
 */
class ThreadActionsEndToEndTests {

    /** A seeded page. */
    static final String PASTA_PARADISE = "110000000000001";

    @RegisterExtension
    static final ActionFixture bot = new ActionFixture();

    @Test
    void wavesFirstAndBack() {
        User alice = new User(bot.session, ALICE);

        String first = alice.wave();
        assertThat(bot.lastSend()).containsExactly(entry("other_user_fbid", ALICE),
                entry("specific_to_list[0]", "fbid:" + ALICE), entry("action_type", "ma-type:user-generated-message"),
                entry("lightweight_action_attachment[lwa_state]", "INITIATED"),
                entry("lightweight_action_attachment[lwa_type]", "WAVE"));
        String back = alice.wave(false);
        assertThat(bot.lastSend()).containsEntry("lightweight_action_attachment[lwa_state]", "RECIPROCATED");

        assertThat(alice.fetchMessage(first).author()).isEqualTo(BOT);
        assertThat(alice.fetchMessage(back).text()).isNull();
        assertThat(bot.events.next(MessageEvent.class, e -> e.message().id().equals(first)).author().id()).isEqualTo(BOT);
    }

    @Test
    void sendsTextWithMentionsFilesAndAReply() {
        DriverThread group = bot.newGroup("Files", ALICE, BOB);
        Group thread = new Group(bot.session, group.id());
        DriverMessage question = bot.driver.send(group.id(), ALICE, "Photos?");
        List<UploadedFile> files = bot.client.upload(List.of(new FileUpload("beach.png", ActionFixture.png(64, 48),
                "image/png"), new FileUpload("notes.txt", "sand".getBytes(), "text/plain")));

        assertThat(bot.lastForm("/ajax/mercury/upload.php")).containsExactly(entry("voice_clip", "False"));
        assertThat(bot.lastRequest("/ajax/mercury/upload.php").files()).extracting(RecordedFile::name,
                RecordedFile::filename, RecordedFile::contentType)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("upload_0", "beach.png", "image/png"),
                    org.assertj.core.groups.Tuple.tuple("upload_1", "notes.txt", "text/plain"));
        assertThat(files).extracting(UploadedFile::mimeType).containsExactly("image/png", "text/plain");

        String id = thread.sendText("Hi Alice, here", List.of(new Mention(ALICE, 3, 5)), files, question.id());

        assertThat(bot.lastSend()).containsExactly(entry("thread_fbid", group.id()),
                entry("action_type", "ma-type:user-generated-message"), entry("body", "Hi Alice, here"),
                entry("profile_xmd[0][id]", ALICE), entry("profile_xmd[0][offset]", "3"),
                entry("profile_xmd[0][length]", "5"), entry("profile_xmd[0][type]", "p"), entry("has_attachment", "True"),
                entry("image_ids[0]", files.get(0).id()), entry("file_ids[1]", files.get(1).id()),
                entry("replied_to_message_id", question.id()));
        MessageData sent = thread.fetchMessage(id);
        assertThat(sent.text()).isEqualTo("Hi Alice, here");
        assertThat(sent.mentions()).containsExactly(new Mention(ALICE, 3, 5));
        assertThat(sent.replyToId()).isEqualTo(question.id());
        assertThat(sent.attachments()).hasSize(2);
        assertThat(sent.attachments().get(0)).isInstanceOfSatisfying(ImageAttachment.class, image -> {
            assertThat(image.id()).isEqualTo(files.get(0).id());
            assertThat(image.originalExtension()).isEqualTo("png");
            // the previews keep the uploaded picture's size
            assertThat(image.previews()).anySatisfy(preview -> {
                assertThat(preview.width()).isEqualTo(64);
                assertThat(preview.height()).isEqualTo(48);
            });
        });
        assertThat(sent.attachments().get(1)).isInstanceOfSatisfying(FileAttachment.class,
                file -> assertThat(file.name()).isEqualTo("notes.txt"));
        MessageReplyEvent own = bot.events.next(MessageReplyEvent.class, e -> e.message().id().equals(id));
        assertThat(own.repliedTo().text()).isEqualTo("Photos?");
    }

    @Test
    void sendsMentionsMadeByFormatMentionsAndWritesToPages() {
        DriverThread created = bot.newGroup("Mentions", ALICE, BOB);
        Group group = new Group(bot.session, created.id());
        MentionFormatter.Result greeting = Message.formatMentions("Hey {}! Meet {b}", List.of(new MentionFormatter.Target(
                ALICE, "Alice")), Map.of("b", new MentionFormatter.Target(BOB, "Bob")));

        String id = group.sendText(greeting.text(), greeting.mentions());

        assertThat(bot.lastSend()).containsEntry("body", "Hey Alice! Meet Bob")
            .containsEntry("profile_xmd[0][id]", ALICE).containsEntry("profile_xmd[0][offset]", "4")
            .containsEntry("profile_xmd[1][id]", BOB).containsEntry("profile_xmd[1][offset]", "16");
        assertThat(group.fetchMessage(id).mentions()).containsExactly(new Mention(ALICE, 4, 5), new Mention(BOB, 16, 3));

        Page pasta = new Page(bot.session, PASTA_PARADISE);
        String toPage = pasta.sendText("A table for two?");
        assertThat(bot.lastSend()).containsExactly(entry("other_user_fbid", PASTA_PARADISE),
                entry("action_type", "ma-type:user-generated-message"), entry("body", "A table for two?"));
        assertThat(pasta.fetchMessage(toPage).text()).isEqualTo("A table for two?");
    }

    @Test
    void sendsAnEmojiAStickerAndVoiceClips() {
        User bob = new User(bot.session, BOB);

        String emoji = bob.sendEmoji("👍", EmojiSize.LARGE);
        assertThat(bot.lastSend()).containsEntry("body", "👍").containsEntry("tags[0]", "hot_emoji_size:large");
        assertThat(bob.fetchMessage(emoji).emojiSize()).isEqualTo(EmojiSize.LARGE);

        String sticker = bob.sendSticker("369239263222822");
        assertThat(bot.lastSend()).containsEntry("sticker_id", "369239263222822").doesNotContainKey("body");
        assertThat(bob.fetchMessage(sticker).sticker().id()).isEqualTo("369239263222822");

        List<UploadedFile> clip = bot.client.upload(List.of(new FileUpload("hello.mp3", new byte[300], "audio/mpeg")),
                true);
        assertThat(bot.lastForm("/ajax/mercury/upload.php")).containsEntry("voice_clip", "True");
        String voice = bob.sendFiles(clip);
        assertThat(bot.lastSend()).containsEntry("has_attachment", "True")
            .containsEntry("audio_ids[0]", clip.get(0).id())
            .doesNotContainKey("body");
        assertThat(bob.fetchMessage(voice).attachments()).singleElement()
            .isInstanceOfSatisfying(AudioAttachment.class, audio -> assertThat(audio.filename()).isEqualTo("hello.mp3"));
    }

    @Test
    void sendsCurrentAndPinnedLocations() {
        User carol = new User(bot.session, CAROL);

        String current = carol.sendLocation(51.5287718, -0.2416815);
        assertThat(bot.lastSend()).containsEntry("location_attachment[coordinates][latitude]", "51.5287718")
            .containsEntry("location_attachment[coordinates][longitude]", "-0.2416815")
            .containsEntry("location_attachment[is_current_location]", "True");
        String pinned = carol.sendPinnedLocation(39.9390731, 116.117273);
        assertThat(bot.lastSend()).containsEntry("location_attachment[is_current_location]", "False");

        assertThat(carol.fetchMessage(current).attachments()).singleElement()
            .isInstanceOfSatisfying(LocationAttachment.class, place -> {
                assertThat(place.latitude()).isEqualTo(51.5287718);
                assertThat(place.longitude()).isEqualTo(-0.2416815);
            });
        assertThat(carol.fetchMessage(pinned).attachments()).singleElement()
            .isInstanceOfSatisfying(LocationAttachment.class, place -> assertThat(place.latitude()).isEqualTo(39.9390731));
    }

    @Test
    void forwardsAnAttachmentToAnotherThread() {
        DriverThread source = bot.newGroup("Source", ALICE);
        DriverThread target = bot.newGroup("Target", BOB);
        List<UploadedFile> image = bot.client.upload(List.of(new FileUpload("cat.png", ActionFixture.png(10, 10),
                "image/png")));
        new Group(bot.session, source.id()).sendFiles(image);

        new Group(bot.session, target.id()).forwardAttachment(image.get(0).id());

        Map<String, String> form = bot.lastForm("/mercury/attachments/forward/");
        assertThat(form).containsEntry("attachment_id", image.get(0).id()).hasSize(2);
        String recipient = form.keySet().stream().filter(key -> key.startsWith("recipient_map[")).findFirst().orElseThrow();
        assertThat(recipient).matches("recipient_map\\[\\d+]");
        assertThat(form).containsEntry(recipient, target.id());
        MessageData forwarded = new Group(bot.session, target.id()).fetchMessages(1).findFirst().orElseThrow();
        assertThat(forwarded.attachments()).singleElement()
            .isInstanceOfSatisfying(ImageAttachment.class, copy -> assertThat(copy.id()).isEqualTo(image.get(0).id()));

        assertThatThrownBy(() -> new Group(bot.session, target.id()).forwardAttachment("99999"))
            .isInstanceOf(ExternalError.class)
            .hasMessageContaining("Failed forwarding attachment");
    }

    @Test
    void setsNicknameColorAndEmoji() {
        DriverThread created = bot.newGroup("Looks", ALICE, BOB);
        Group group = new Group(bot.session, created.id());

        group.setNickname(ALICE, "Ali");
        assertThat(bot.lastForm("/messaging/save_thread_nickname/")).containsExactly(entry("nickname", "Ali"),
                entry("participant_id", ALICE), entry("thread_or_other_fbid", created.id()));
        assertThat(bot.lastRequest("/messaging/save_thread_nickname/").query()).isEqualTo("source=thread_settings&dpr=1");
        group.setColor("#e68585");
        assertThat(bot.lastForm("/messaging/save_thread_color/")).containsExactly(entry("color_choice", "#e68585"),
                entry("thread_or_other_fbid", created.id()));
        group.setEmoji("😊");
        assertThat(bot.lastForm("/messaging/save_thread_emoji/")).containsExactly(entry("emoji_choice", "😊"),
                entry("thread_or_other_fbid", created.id()));

        GroupData data = (GroupData) bot.client.fetchThreadInfo(List.of(created.id())).get(0);
        assertThat(data.nicknames()).containsEntry(ALICE, "Ali");
        assertThat(data.color()).isEqualTo("#e68585");
        assertThat(data.emoji()).isEqualTo("😊");
        assertThat(bot.events.next(NicknameSet.class, e -> e.thread().equals(group)).nickname()).isEqualTo("Ali");
        assertThat(bot.events.next(ColorSet.class, e -> e.thread().equals(group)).author().id()).isEqualTo(BOT);
        assertThat(bot.events.next(EmojiSet.class, e -> e.thread().equals(group)).emoji()).isEqualTo("😊");

        group.setColor(ThreadColors.DEFAULT);
        assertThat(bot.lastForm("/messaging/save_thread_color/")).containsEntry("color_choice", "");
        group.setEmoji(null);
        assertThat(bot.lastForm("/messaging/save_thread_emoji/")).containsExactly(
                entry("thread_or_other_fbid", created.id()));
        GroupData reset = (GroupData) bot.client.fetchThreadInfo(List.of(created.id())).get(0);
        assertThat(reset.color()).isEqualTo(ThreadColors.DEFAULT);
        assertThat(reset.emoji()).isNull();
    }

    @Test
    void typingReachesTheOthers() throws Exception {
        Session alice = bot.loginAs(ALICE);
        try (EventRecorder aliceEvents = EventRecorder.start(new Listener(alice, false, false))) {
            aliceEvents.awaitCount(dev.fbchat.event.Connect.class, 1, Duration.ofSeconds(5));
            User toAlice = new User(bot.session, ALICE);

            toAlice.startTyping();
            assertThat(bot.lastForm("/ajax/messaging/typ.php")).containsExactly(entry("typ", "1"), entry("thread", ALICE),
                    entry("source", "mercury-chat"));
            assertThat(aliceEvents.next(Typing.class, Typing::status).author().id()).isEqualTo(BOT);
            toAlice.stopTyping();
            assertThat(bot.lastForm("/ajax/messaging/typ.php")).containsEntry("typ", "0");
            assertThat(aliceEvents.next(Typing.class, e -> !e.status()).author().id()).isEqualTo(BOT);
        }
    }

    @Test
    void createsPlansAndPolls() {
        DriverThread created = bot.newGroup("Plans", ALICE);
        Group group = new Group(bot.session, created.id());
        Instant at = Instant.parse("2030-06-01T18:00:00Z");

        group.createPlan("Dinner", at, "Pasta Paradise", null);
        assertThat(bot.lastForm("/ajax/eventreminder/create")).containsExactly(entry("event_type", "EVENT"),
                entry("event_time", Long.toString(at.getEpochSecond())), entry("title", "Dinner"),
                entry("thread_id", created.id()), entry("location_id", ""), entry("location_name", "Pasta Paradise"),
                entry("acontext", "action_history"));
        PlanCreated plan = bot.events.next(PlanCreated.class, e -> e.thread().equals(group));
        assertThat(plan.plan().title()).isEqualTo("Dinner");
        assertThat(plan.plan().time()).isEqualTo(at);
        assertThat(plan.plan().toPlan().fetch().location()).isEqualTo("Pasta Paradise");

        Map<String, Boolean> options = new LinkedHashMap<>();
        options.put("Pizza", true);
        options.put("Sushi", false);
        group.createPoll("Food?", options);
        assertThat(bot.lastForm("/messaging/group_polling/create_poll/")).containsExactly(entry("question_text", "Food?"),
                entry("target_id", created.id()), entry("option_text_array[0]", "Pizza"),
                entry("option_is_selected_array[0]", "1"), entry("option_text_array[1]", "Sushi"),
                entry("option_is_selected_array[1]", "0"));
        PollCreated poll = bot.events.next(PollCreated.class, e -> e.thread().equals(group));
        assertThat(poll.poll().question()).isEqualTo("Food?");
        assertThat(poll.poll().fetchOptions()).extracting(PollOption::text, PollOption::vote)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("Pizza", true),
                    org.assertj.core.groups.Tuple.tuple("Sushi", false));
    }

    @Test
    void mutesThreadsReactionsAndMentions() {
        DriverThread created = bot.newGroup("Noisy", ALICE);
        Group group = new Group(bot.session, created.id());

        long before = Instant.now().getEpochSecond();
        group.mute(Duration.ofHours(2));
        assertThat(bot.lastForm("/ajax/mercury/change_mute_thread.php")).containsExactly(entry("mute_settings", "7200"),
                entry("thread_fbid", created.id()));
        assertThat(mute(created).mutedUntil()).isBetween(before + 7200, before + 7260);
        group.mute();
        assertThat(bot.lastForm("/ajax/mercury/change_mute_thread.php")).containsEntry("mute_settings", "-1");
        assertThat(mute(created).mutedUntil()).isEqualTo(-1);
        group.muteReactions();
        assertThat(bot.lastForm("/ajax/mercury/change_reactions_mute_thread/")).containsExactly(
                entry("reactions_mute_mode", "1"), entry("thread_fbid", created.id()));
        group.muteMentions();
        assertThat(bot.lastForm("/ajax/mercury/change_mentions_mute_thread/")).containsExactly(
                entry("mentions_mute_mode", "1"), entry("thread_fbid", created.id()));
        assertThat(mute(created)).isEqualTo(new DriverMute(-1, true, true));

        group.unmute();
        assertThat(bot.lastForm("/ajax/mercury/change_mute_thread.php")).containsEntry("mute_settings", "0");
        group.unmuteReactions();
        assertThat(bot.lastForm("/ajax/mercury/change_reactions_mute_thread/")).containsEntry("reactions_mute_mode", "0");
        group.unmuteMentions();
        assertThat(bot.lastForm("/ajax/mercury/change_mentions_mute_thread/")).containsEntry("mentions_mute_mode", "0");
        assertThat(bot.driver.thread(created.id()).mutes()).doesNotContainKey(BOT);
    }

    @Test
    void deletesThreadsAndMarksThemAsSpam() {
        DriverThread spam = bot.newGroup("Spam", ALICE);
        DriverThread old = bot.newGroup("Old", BOB);

        new Group(bot.session, spam.id()).markAsSpam();
        assertThat(bot.lastForm("/ajax/mercury/mark_spam.php")).containsExactly(entry("id", spam.id()));
        new Group(bot.session, old.id()).delete();
        assertThat(bot.lastForm("/ajax/mercury/delete_thread.php")).containsExactly(entry("ids[0]", old.id()));

        assertThat(bot.driver.thread(spam.id()).deletedFor()).containsExactly(BOT);
        assertThat(bot.client.fetchThreads(null)).extracting(dev.fbchat.thread.ThreadData::id)
            .doesNotContain(spam.id(), old.id());
        bot.driver.send(old.id(), BOB, "still there?");
        assertThat(bot.client.fetchThreads(null)).extracting(dev.fbchat.thread.ThreadData::id).contains(old.id());
    }

    private static DriverMute mute(DriverThread thread) {
        return bot.driver.thread(thread.id()).mutes().get(BOT);
    }
}
