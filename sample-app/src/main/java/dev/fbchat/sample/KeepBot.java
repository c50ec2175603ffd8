package dev.fbchat.sample;

import java.util.Map;
import java.util.Objects;

import dev.fbchat.Session;
import dev.fbchat.event.ColorSet;
import dev.fbchat.event.EmojiSet;
import dev.fbchat.event.NicknameSet;
import dev.fbchat.event.PeopleAdded;
import dev.fbchat.event.PersonRemoved;
import dev.fbchat.event.TitleSet;
import dev.fbchat.spring.FbChatListener;
import dev.fbchat.thread.Group;
import dev.fbchat.thread.User;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * fbchat's "prevent changes" bot ({@code sample.bot=keepbot}): in the group {@code sample.keep.thread-id} it sets the
 * colour, emoji, title and nicknames back to {@code sample.keep.*}, removes whoever someone else adds and adds back
 * whoever someone else removes. The bot's own changes do not reach it.
 */
@Component
@ConditionalOnProperty(name = "sample.bot", havingValue = "keepbot")
@EnableConfigurationProperties(KeepBot.Settings.class)
public class KeepBot {

    private static final Logger log = LoggerFactory.getLogger(KeepBot.class);

    private final Settings keep;

    private final Session session;

    public KeepBot(Settings keep, Session session) {
        this.keep = keep;
        this.session = session;
    }

    @FbChatListener(threadId = "${sample.keep.thread-id}")
    void onColorSet(ColorSet event) {
        if (!this.keep.getColor().equals(event.color())) {
            log.info("{} changed the thread colour. It will be changed back", event.author().id());
            event.thread().setColor(this.keep.getColor());
        }
    }

    @FbChatListener(threadId = "${sample.keep.thread-id}")
    void onEmojiSet(EmojiSet event) {
        if (!Objects.equals(this.keep.getEmoji(), event.emoji())) {
            log.info("{} changed the thread emoji. It will be changed back", event.author().id());
            event.thread().setEmoji(this.keep.getEmoji());
        }
    }

    @FbChatListener(threadId = "${sample.keep.thread-id}")
    void onTitleSet(TitleSet event) {
        if (!this.keep.getTitle().equals(event.title())) {
            log.info("{} changed the thread title. It will be changed back", event.author().id());
            ((Group) event.thread()).setTitle(this.keep.getTitle());
        }
    }

    @FbChatListener(threadId = "${sample.keep.thread-id}")
    void onNicknameSet(NicknameSet event) {
        String kept = this.keep.getNicknames().get(event.subject().id());
        if (!Objects.equals(kept, event.nickname())) {
            log.info("{} changed {}'s nickname. It will be changed back", event.author().id(), event.subject().id());
            event.thread().setNickname(event.subject().id(), kept);
        }
    }

    @FbChatListener(threadId = "${sample.keep.thread-id}")
    void onPeopleAdded(PeopleAdded event) {
        log.info("{} got added. They will be removed", event.added().stream().map(User::id).toList());
        for (User added : event.added()) {
            ((Group) event.thread()).removeParticipant(added.id());
        }
    }

    @FbChatListener(threadId = "${sample.keep.thread-id}")
    void onPersonRemoved(PersonRemoved event) {
        // no point in adding the bot itself
        if (!event.removed().id().equals(this.session.user().id())) {
            log.info("{} got removed. They will be added back", event.removed().id());
            ((Group) event.thread()).addParticipants(java.util.List.of(event.removed().id()));
        }
    }

    /** What {@link KeepBot} keeps: {@code sample.keep.*}. */
    @ConfigurationProperties("sample.keep")
    public static class Settings {

        /** The group to keep as it is. */
        private String threadId = "";

        /** Its colour. */
        private String color = "#0084ff";

        /** Its emoji, or none for the default like. */
        private @Nullable String emoji;

        /** Its title. */
        private String title = "Old group chat name";

        /** Its nicknames, by person id. */
        private Map<String, String> nicknames = Map.of();

        public String getThreadId() {
            return this.threadId;
        }

        public void setThreadId(String threadId) {
            this.threadId = threadId;
        }

        public String getColor() {
            return this.color;
        }

        public void setColor(String color) {
            this.color = color;
        }

        public @Nullable String getEmoji() {
            return this.emoji;
        }

        public void setEmoji(@Nullable String emoji) {
            this.emoji = emoji;
        }

        public String getTitle() {
            return this.title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public Map<String, String> getNicknames() {
            return this.nicknames;
        }

        public void setNicknames(Map<String, String> nicknames) {
            this.nicknames = nicknames;
        }
    }
}
