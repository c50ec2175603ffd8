package dev.fbchat.sample;

import dev.fbchat.Client;
import dev.fbchat.message.MessageData;
import dev.fbchat.thread.ThreadData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * fbchat's fetch example ({@code sample.bot=fetch}): at startup, logs the people the account talks with, its five
 * latest threads and the three latest messages of the newest one.
 */
@Component
@ConditionalOnProperty(name = "sample.bot", havingValue = "fetch")
public class FetchExample implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FetchExample.class);

    private final Client client;

    public FetchExample(Client client) {
        this.client = client;
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info("Users' names: {}", this.client.fetchUsers().stream().map(user -> user.name()).toList());
        java.util.List<ThreadData> threads = this.client.fetchThreads(5).toList();
        log.info("Threads: {}", threads.stream().map(thread -> thread.id() + " " + thread.name()).toList());
        if (!threads.isEmpty()) {
            log.info("Latest messages of {}: {}", threads.get(0).name(), threads.get(0)
                .thread()
                .fetchMessages(3)
                .map(MessageData::text)
                .toList());
        }
    }
}
