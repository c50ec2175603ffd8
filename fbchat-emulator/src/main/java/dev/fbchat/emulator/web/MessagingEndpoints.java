package dev.fbchat.emulator.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.Attachment;
import dev.fbchat.emulator.world.ChatThread;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.Mention;
import dev.fbchat.emulator.world.MessageContent;
import dev.fbchat.emulator.world.RandomTokens;
import dev.fbchat.emulator.world.Sticker;
import dev.fbchat.emulator.world.StoredMessage;
import dev.fbchat.emulator.world.ThreadActions;
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

    private static final Pattern FILE_FIELD = Pattern.compile("(image|gif|video|audio|file)_ids\\[\\d+]");

    /** Facebook's like sticker. */
    private static final String LIKE_STICKER = "369239263222822";

    MessagingEndpoints(World world) {
        super(world, "/messaging/send/");
    }

    @Override
    protected FullHttpResponse answer(HttpExchange exchange, Account author) {
        Optional<ChatThread> thread = target(exchange, author);
        if (!("fbid:" + author.id()).equals(exchange.formField("author")) || thread.isEmpty()
                || !thread.get().hasParticipant(author.id())) {
            return invalidAction();
        }
        String offlineThreadingId = exchange.formField("offline_threading_id");
        String clientId = offlineThreadingId == null ? RandomTokens.digits(19) : offlineThreadingId;
        String messageId;
        long timestamp;
        try {
            if ("log:subscribe".equals(exchange.formField("log_message_type"))) {
                ThreadActions.SentLog log = addParticipants(exchange, author, thread.get());
                messageId = log.messageId();
                timestamp = log.timestamp();
            }
            else {
                StoredMessage message = this.world.post(author.id(), thread.get(), content(exchange), clientId);
                messageId = message.id();
                timestamp = message.timestamp();
            }
        }
        catch (IllegalArgumentException | java.util.NoSuchElementException ex) {
            return invalidAction();
        }
        ObjectNode answer = EmulatorJson.MAPPER.createObjectNode();
        answer.put("__ar", 1);
        ObjectNode action = answer.putObject("payload").putArray("actions").addObject();
        action.put("message_id", messageId);
        if (thread.get().kind() == ThreadKind.GROUP) {
            action.put("thread_fbid", thread.get().id());
        }
        else {
            action.putNull("thread_fbid");
        }
        action.put("timestamp", timestamp);
        answer.put("lid", RandomTokens.digits(19));
        return HttpAnswers.payload(answer);
    }

    /**
     * What a user-generated send holds: a text with mentions, files uploaded before ({@code image_ids[i]},
     * {@code video_ids[i]}, ...), a sticker, a place ({@code location_attachment[...]}), a wave
     * ({@code lightweight_action_attachment[...]}), a reply, tags.
     */
    private MessageContent content(HttpExchange exchange) {
        if (!"ma-type:user-generated-message".equals(exchange.formField("action_type"))) {
            throw new IllegalArgumentException("not a message");
        }
        if ("WAVE".equals(exchange.formField("lightweight_action_attachment[lwa_type]"))) {
            return MessageContent.wave(!"RECIPROCATED".equals(exchange.formField("lightweight_action_attachment[lwa_state]")));
        }
        String body = exchange.formField("body");
        List<Attachment> attachments = new ArrayList<>(files(exchange));
        String latitude = exchange.formField("location_attachment[coordinates][latitude]");
        if (latitude != null) {
            attachments.add(location(exchange, latitude));
        }
        String stickerId = exchange.formField("sticker_id");
        Sticker sticker = stickerId == null ? null : sticker(stickerId);
        return new MessageContent(body, attachments, body == null ? List.of() : mentions(exchange, body),
                exchange.formField("replied_to_message_id"), sticker, tags(exchange));
    }

    /** The uploaded files named by {@code <kind>_ids[i]}; {@code has_attachment} must say {@code True}. */
    private List<Attachment> files(HttpExchange exchange) {
        List<Attachment> files = new ArrayList<>();
        for (Map.Entry<String, String> field : exchange.formFields().entrySet()) {
            if (FILE_FIELD.matcher(field.getKey()).matches()) {
                if (!"True".equals(exchange.formField("has_attachment"))) {
                    throw new IllegalArgumentException("files without has_attachment");
                }
                files.add(this.world.uploads()
                    .file(field.getValue())
                    .orElseThrow(() -> new IllegalArgumentException("no upload " + field.getValue())));
            }
        }
        return files;
    }

    private static Attachment location(HttpExchange exchange, String latitudeText) {
        String longitudeText = exchange.formField("location_attachment[coordinates][longitude]");
        String current = exchange.formField("location_attachment[is_current_location]");
        if (longitudeText == null || !("True".equals(current) || "False".equals(current))) {
            throw new IllegalArgumentException("a location has a latitude, a longitude and is_current_location");
        }
        double latitude = Double.parseDouble(latitudeText);
        double longitude = Double.parseDouble(longitudeText);
        if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) {
            throw new IllegalArgumentException("not on Earth");
        }
        return new Attachment.Location(RandomTokens.digits(15), latitude, longitude, "True".equals(current));
    }

    /** A sticker by id: the like sticker is Facebook's, any other a 120×120 sticker of pack 0. */
    private static Sticker sticker(String id) {
        if (!id.matches("[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("a sticker id is digits");
        }
        return id.equals(LIKE_STICKER) ? new Sticker(id, "227877430692340", "Like", 120, 120)
                : new Sticker(id, "0", "Sticker", 120, 120);
    }

    /** {@code log_message_data[added_participants][i]} = {@code fbid:<id>}: the log message of the addition. */
    private ThreadActions.SentLog addParticipants(HttpExchange exchange, Account author, ChatThread thread) {
        if (!"ma-type:log-message".equals(exchange.formField("action_type")) || thread.kind() != ThreadKind.GROUP) {
            throw new IllegalArgumentException("people are added to a group by a log message");
        }
        List<String> added = new ArrayList<>();
        for (String value : numbered(exchange, "log_message_data[added_participants]")) {
            if (!value.startsWith("fbid:")) {
                throw new IllegalArgumentException("an added person is fbid:<id>");
            }
            added.add(value.substring("fbid:".length()));
        }
        return this.world.threadActions().addParticipantsByMessage(thread.id(), author.id(), added);
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
