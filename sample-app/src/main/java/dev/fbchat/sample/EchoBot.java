package dev.fbchat.sample;

import dev.fbchat.event.MessageEvent;
import dev.fbchat.spring.FbChatListener;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** fbchat's echo bot: answers every message with its own text. Its own messages never reach it. */
@Component
public class EchoBot {

    @FbChatListener
    @Nullable String onMessage(MessageEvent event) {
        return event.message().text();
    }
}
