package dev.fbchat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.fbchat.internal.FormValues;
import dev.fbchat.message.EmojiSize;
import dev.fbchat.message.Mention;
import dev.fbchat.message.Message;
import dev.fbchat.plan.Plan;
import dev.fbchat.poll.Poll;
import dev.fbchat.thread.Group;
import dev.fbchat.thread.ThreadLocation;
import dev.fbchat.thread.UnknownThread;
import dev.fbchat.thread.User;
import dev.fbchat.upload.FileUpload;
import dev.fbchat.upload.UploadedFile;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Invalid arguments to the action methods fail with a clear {@link IllegalArgumentException} before any request: the
 * session here is offline, so any request would fail with {@link IllegalStateException} instead.
 */
class ActionArgumentsTests {

    private final Session session = Session.offline("100000000000001");

    private final Client client = new Client(this.session);

    private final User alice = new User(this.session, "100000000000002");

    private final Group group = new Group(this.session, "300000000000001");

    private final Message message = new Message(this.group, "mid.$abc");

    @Test
    void aValidCallReachesTheRequestLayer() {
        // the offline session refuses the request itself: what every test below must fail before
        assertThatThrownBy(() -> this.alice.sendText("hi")).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("offline");
        assertThatThrownBy(() -> this.group.setColor("#44bec7")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void messagesNeedTextOrFilesAndMentionsInsideTheText() {
        rejects(() -> this.alice.sendText(""), "text or files");
        rejects(() -> this.alice.sendFiles(List.of()), "text or files");
        rejects(() -> this.alice.sendText("hi", List.of(new Mention("1", 1, 5))), "inside the text");
        rejects(() -> this.alice.sendText("hi", List.of(new Mention(null, 0, 2))), "who it mentions");
        rejects(() -> this.alice.sendText("hi", List.of(), List.of(), " "), "replyToId");
        rejects(() -> this.alice.sendEmoji(" ", EmojiSize.SMALL), "emoji");
        rejects(() -> this.alice.sendSticker(""), "sticker");
        rejects(() -> this.alice.sendLocation(91, 0), "latitude 91.0");
        rejects(() -> this.alice.sendPinnedLocation(0, Double.NaN), "longitude NaN");
    }

    @Test
    void colorsAndReactionsAreFbchats() {
        rejects(() -> this.group.setColor("#123456"), "Invalid color \"#123456\": use one of [#0084ff");
        rejects(() -> this.message.react("🙈"), "Invalid reaction \"🙈\": use one of [❤");
        rejects(() -> this.group.setEmoji(" "), "emoji");
    }

    @Test
    void listsOfPeopleThreadsAndMessagesAreNotEmpty() {
        rejects(() -> this.group.addParticipants(List.of()), "at least one");
        rejects(() -> this.group.addParticipants(List.of("100000000000001")), "Cannot add self");
        rejects(() -> this.group.addAdmins(List.of()), "at least one");
        rejects(() -> this.group.removeAdmins(List.of(" ")), "blank");
        rejects(() -> this.group.acceptUsers(List.of()), "at least one");
        rejects(() -> this.group.denyUsers(List.of()), "at least one");
        rejects(() -> this.client.markAsRead(List.of(), Instant.now()), "at least one");
        rejects(() -> this.client.markAsUnread(List.of(), Instant.now()), "at least one");
        rejects(() -> this.client.moveThreads(ThreadLocation.ARCHIVED, List.of()), "at least one");
        rejects(() -> this.client.deleteThreads(List.of()), "at least one");
        rejects(() -> this.client.deleteMessages(List.of()), "at least one");
        rejects(() -> this.client.upload(List.of()), "at least one");
    }

    @Test
    void pollsPlansAndMutesAreChecked() {
        rejects(() -> this.group.createPoll("Lunch?", Map.of()), "at least one option");
        rejects(() -> this.group.createPoll(" ", Map.of("Pizza", true)), "question");
        rejects(() -> this.group.createPlan(" ", Instant.now()), "name");
        rejects(() -> new Plan(this.session, "1").edit("", Instant.now(), null, null), "name");
        rejects(() -> new Poll(this.session, "1", null, List.of(), null).setVotes(List.of(""), List.of()), "option id");
        rejects(() -> this.group.mute(Duration.ofSeconds(-1)), "negative");
        rejects(() -> this.group.setImage(new UploadedFile("5", "text/plain")), "image");
    }

    @Test
    void filesMustExist(@TempDir Path directory) throws Exception {
        rejects(() -> FileUpload.of(directory.resolve("missing.png")), "No file to upload at");
        rejects(() -> FileUpload.of(directory), "No file to upload at");
        rejects(() -> new FileUpload("a.bin", new byte[0], "not a type"), "Not a MIME type");
        Path picture = Files.write(directory.resolve("cat.png"), new byte[] {1, 2});
        assertThat(FileUpload.of(picture).mimeType()).isEqualTo("image/png");
        assertThat(FileUpload.of(Files.write(directory.resolve("clip.mp4"), new byte[1])).mimeType()).isEqualTo("video/mp4");
        assertThat(FileUpload.of(Files.write(directory.resolve("data.zzz"), new byte[1])).mimeType())
            .isEqualTo("application/octet-stream");
    }

    @Test
    void threadsOfUnknownKindCannotBeSentTo() {
        UnknownThread unknown = new UnknownThread(this.session, "123");
        assertThatThrownBy(() -> unknown.sendText("hi")).isInstanceOf(UnsupportedOperationException.class)
            .hasMessageContaining("use a User, Group or Page handle");
        assertThatThrownBy(unknown::wave).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void formValuesAreWrittenAsPythonWritesThem() {
        assertThat(FormValues.bool(true)).isEqualTo("True");
        assertThat(FormValues.decimal(51.5287718)).isEqualTo("51.5287718");
        assertThat(FormValues.decimal(-0.2416815)).isEqualTo("-0.2416815");
        assertThat(FormValues.decimal(0.0001)).isEqualTo("0.0001");
        assertThat(FormValues.decimal(0.00001)).isEqualTo("1e-05");
        assertThat(FormValues.decimal(90)).isEqualTo("90.0");
    }

    private static void rejects(ThrowingCallable call, String message) {
        assertThatIllegalArgumentException().isThrownBy(call).withMessageContaining(message);
    }
}
