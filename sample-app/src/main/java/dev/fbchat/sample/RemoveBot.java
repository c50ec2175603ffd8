package dev.fbchat.sample;

import dev.fbchat.event.MessageEvent;
import dev.fbchat.spring.FbChatListener;
import dev.fbchat.spring.ThreadType;
import dev.fbchat.thread.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** fbchat's remove bot ({@code sample.bot=removebot}): removes from a group whoever writes "Remove me!". */
@Component
@ConditionalOnProperty(name = "sample.bot", havingValue = "removebot")
public class RemoveBot {

    private static final Logger log = LoggerFactory.getLogger(RemoveBot.class);

    @FbChatListener(threadType = ThreadType.GROUP, text = "Remove me!")
    void onRemoveMe(MessageEvent event) {
        log.info("{} will be removed from {}", event.author().id(), event.thread().id());
        ((Group) event.thread()).removeParticipant(event.author().id());
    }
}
