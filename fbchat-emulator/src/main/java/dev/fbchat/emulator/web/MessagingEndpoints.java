package dev.fbchat.emulator.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.ChatThread;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.Mention;
import dev.fbchat.emulator.world.MessageContent;
import dev.fbchat.emulator.world.RandomTokens;
import dev.fbchat.emulator.world.StoredMessage;
import dev.fbchat.emulator.world.ThreadKind;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /messaging/send/}: a message from the logged-in account. The GraphQL batch
 * endpoint lives in {@link GraphqlBatchEndpoint}.
 */
final class MessagingEndpoints extends LoggedInEndpoints {

    private static final Pattern MENTION_FIELD = Pattern.compile("profile_xmd\\[(\\d+)]\\[id]");

    private static final Pattern TAG_FIELD = Pattern.compile("tags\\[\\d+]");

    MessagingEndpoints(World world) {
        super(world, "/messaging/send/");
    }

    @Override
    protected FullHttpResponse answer(HttpExchange exchange, Account author) {
        String body = exchange.formField("body");
        Optional<ChatThread> thread = target(exchange, author);
        if (!("fbid:" + author.id()).equals(exchange.formField("author")) || thread.isEmpty() || body == null
                || body.isEmpty() || !thread.get().hasParticipant(author.id())) {
            return invalidAction();
        }
        String replyTo = exchange.formField("replied_to_message_id");
        MessageContent content = new MessageContent(body, List.of(), mentions(exchange, body), replyTo, null,
                tags(exchange));
        String offlineThreadingId = exchange.formField("offline_threading_id");
        StoredMessage message;
        try {
            message = this.world.post(author.id(), thread.get(), content,
                    offlineThreadingId == null ? RandomTokens.digits(19) : offlineThreadingId);
        }
        catch (IllegalArgumentException ex) {
            return invalidAction();
        }
        ObjectNode answer = EmulatorJson.MAPPER.createObjectNode();
        answer.put("__ar", 1);
        ObjectNode action = answer.putObject("payload").putArray("actions").addObject();
        action.put("message_id", message.id());
        if (thread.get().kind() == ThreadKind.GROUP) {
            action.put("thread_fbid", thread.get().id());
        }
        else {
            action.putNull("thread_fbid");
        }
        action.put("timestamp", message.timestamp());
        answer.put("lid", RandomTokens.digits(19));
        return HttpAnswers.payload(answer);
    }

    /** The thread a send is for: {@code other_user_fbid} (created when new) or a group's {@code thread_fbid}. */
    private Optional<ChatThread> target(HttpExchange exchange, Account author) {
        String otherUser = exchange.formField("other_user_fbid");
        String group = exchange.formField("thread_fbid");
        if (otherUser != null && group == null) {
            return Optional.of(otherUser)
                .filter(other -> !other.equals(author.id()) && this.world.isActor(other))
                .map(other -> this.world.oneToOne(author.id(), other));
        }
        if (group != null && otherUser == null) {
            return this.world.thread(group).filter(thread -> thread.kind() == ThreadKind.GROUP);
        }
        return Optional.empty();
    }

    /** The {@code profile_xmd[i][id|offset|length]} fields fbchat sends for mentions; those out of the text are dropped. */
    private static List<Mention> mentions(HttpExchange exchange, String body) {
        List<Mention> mentions = new ArrayList<>();
        for (Map.Entry<String, String> field : exchange.formFields().entrySet()) {
            Matcher mention = MENTION_FIELD.matcher(field.getKey());
            if (mention.matches()) {
                String prefix = "profile_xmd[" + mention.group(1) + "]";
                try {
                    int offset = Integer.parseInt(String.valueOf(exchange.formField(prefix + "[offset]")));
                    int length = Integer.parseInt(String.valueOf(exchange.formField(prefix + "[length]")));
                    if (offset >= 0 && length > 0 && offset + length <= body.length()) {
                        mentions.add(new Mention(field.getValue(), offset, length));
                    }
                }
                catch (NumberFormatException ex) {
                    // not a mention fbchat would send: left out
                }
            }
        }
        return mentions;
    }

    /** The {@code tags[i]} fields, such as {@code hot_emoji_size:large}. */
    private static List<String> tags(HttpExchange exchange) {
        return exchange.formFields()
            .entrySet()
            .stream()
            .filter(field -> TAG_FIELD.matcher(field.getKey()).matches())
            .map(Map.Entry::getValue)
            .toList();
    }
}
