package dev.fbchat.sample;

import dev.fbchat.event.MessageEvent;
import dev.fbchat.spring.FbChatListener;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * fbchat's echo bot ({@code sample.bot=echobot}, the default): answers every message with its own text. Its own
 * messages never reach it.
 */
@Component
@ConditionalOnProperty(name = "sample.bot", havingValue = "echobot", matchIfMissing = true)
public class EchoBot {

    @FbChatListener
    @Nullable String onMessage(MessageEvent event) {
        return event.message().text();
    }
}
