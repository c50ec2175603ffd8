package dev.fbchat.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.fbchat.emulator.driver.EmulatorDriver.DriverMessage;
import dev.fbchat.event.Connect;
import dev.fbchat.event.MessageEvent;
import dev.fbchat.message.Message;
import dev.fbchat.message.MentionFormatter;
import dev.fbchat.spring.FbChatListener;
import dev.fbchat.spring.Reply;
import dev.fbchat.spring.ThreadType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code @FbChatListener}'s filters (thread id, kind of thread, exact text, pattern) and its replies (a {@link Reply}
 * with mentions answering the message, a list of texts), over real traffic from the emulator.
 */
class FbChatListenerFiltersTests {

    static final String ALICE_THREAD = "200000000000002";

    @RegisterExtension
    static final StarterFixture starter = new StarterFixture();

    @TempDir
    Path tempDir;

    @Test
    void filtersChooseTheHandlersAndRepliesGoBackInOrder() {
        String group = starter.driver().createGroup("Filters", List.of(starter.emulator().bot().id(), starter.account("Alice").id())).id();
        String other = starter.driver().createGroup("Elsewhere", List.of(starter.emulator().bot().id(), starter.account("Alice").id())).id();
        starter.runner(this.tempDir.resolve("cookies.json")).withPropertyValues("filters.group=" + group)
            .withBean(Handlers.class)
            .run(context -> {
                assertThat(context).hasNotFailed();
                Handlers handlers = context.getBean(Handlers.class);
                await().atMost(Duration.ofSeconds(10)).until(() -> !handlers.connects.isEmpty());

                starter.driver().send(ALICE_THREAD, starter.account("Alice").id(), "ping");
                starter.driver().send(group, starter.account("Alice").id(), "ping");
                starter.driver().send(other, starter.account("Alice").id(), "!roll 6");
                DriverMessage roll = starter.driver().send(group, starter.account("Alice").id(), "!roll 20");
                starter.driver().send(group, starter.account("Alice").id(), "!roll many");

                DriverMessage pong = starter.driver().awaitMessage(ALICE_THREAD, m -> "pong".equals(m.text()), Duration.ofSeconds(5))
                    .orElseThrow(() -> new AssertionError("no pong"));
                assertThat(pong.authorId()).isEqualTo(starter.emulator().bot().id());
                await().atMost(Duration.ofSeconds(5)).until(() -> starter.driver().messages(group).size() >= 7);

                assertThat(handlers.groups).containsExactly("ping", "!roll 20", "!roll many");
                assertThat(handlers.users).containsExactly("ping");
                assertThat(handlers.rolls).containsExactly("!roll 20");
                List<DriverMessage> fromBot = starter.driver().messages(group).stream()
                    .filter(m -> m.authorId().equals(starter.emulator().bot().id()))
                    .toList();
                assertThat(fromBot).extracting(DriverMessage::text)
                    .containsExactly("Alice rolled 20", "one", "two", "three");
                assertThat(fromBot.get(0).replyTo()).isEqualTo(roll.id());
                assertThat(starter.driver().messages(other)).noneMatch(m -> m.authorId().equals(starter.emulator().bot().id()));
            });
    }

    @Test
    void aPatternThatIsNoRegularExpressionFailsStartupNamingTheHandler() {
        starter.runner(this.tempDir.resolve("bad.json")).withPropertyValues("fbchat.listener.enabled=false")
            .withBean(BadPattern.class)
            .run(context -> assertThat(context.getStartupFailure())
                .hasStackTraceContaining("The pattern of handler BadPattern.unclosed is not a regular expression"));
    }

    static class BadPattern {

        @FbChatListener(pattern = "!roll (\\d+")
        void unclosed(MessageEvent event) {
        }
    }

    static class Handlers {

        final List<Connect> connects = new CopyOnWriteArrayList<>();

        final List<String> groups = new CopyOnWriteArrayList<>();

        final List<String> users = new CopyOnWriteArrayList<>();

        final List<String> rolls = new CopyOnWriteArrayList<>();

        @EventListener
        void connected(Connect connect) {
            this.connects.add(connect);
        }

        @FbChatListener(threadType = ThreadType.GROUP, threadId = "${filters.group}")
        void inTheGroup(MessageEvent event) {
            this.groups.add(event.message().text());
        }

        @FbChatListener(threadType = ThreadType.USER, text = "ping")
        String pong(MessageEvent event) {
            this.users.add(event.message().text());
            return "pong";
        }

        @FbChatListener(threadId = "${filters.group}", pattern = "!roll \\d+")
        Reply roll(MessageEvent event) {
            this.rolls.add(event.message().text());
            return Reply.mentioning(Message.formatMentions("{} rolled " + event.message().text().substring(6),
                    List.of(new MentionFormatter.Target(event.author().id(), "Alice")), java.util.Map.of())).quoting();
        }

        @FbChatListener(threadId = "${filters.group}", text = "!roll many")
        List<String> many(MessageEvent event) {
            return List.of("one", "two", "three");
        }
    }
}
