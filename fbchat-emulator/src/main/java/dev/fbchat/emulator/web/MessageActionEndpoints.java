package dev.fbchat.emulator.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.Attachment;
import dev.fbchat.emulator.world.ChatThread;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.MessageContent;
import dev.fbchat.emulator.world.RandomTokens;
import dev.fbchat.emulator.world.StoredMessage;
import dev.fbchat.emulator.world.ThreadView;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the account does to single messages: unsending its own, reacting (a GraphQL mutation posted to
 * {@code /webgraphql/mutation}), forwarding an attachment to another thread.
 */
final class MessageActionEndpoints extends ActionEndpoints {

    private static final String UNSEND = "/messaging/unsend_message/";

    private static final String MUTATION = "/webgraphql/mutation";

    private static final String FORWARD = "/mercury/attachments/forward/";

    /** The GraphQL document of a reaction. */
    private static final String REACTION_DOC_ID = "1491398900900362";

    MessageActionEndpoints(World world) {
        super(world, UNSEND, MUTATION, FORWARD);
    }

    @Override
    protected FullHttpResponse act(String path, HttpExchange exchange, Account viewer) {
        return switch (path) {
            case UNSEND -> {
                StoredMessage message = messageOf(viewer, required(exchange, "message_id"));
                this.world.threadActions().unsend(message.threadId(), viewer.id(), message.id());
                yield done();
            }
            case MUTATION -> react(exchange, viewer);
            default -> forward(exchange, viewer);
        };
    }

    /** {@code doc_id} and {@code variables} {@code {"data": {action, actor_id, message_id, reaction}}}. */
    private FullHttpResponse react(HttpExchange exchange, Account viewer) {
        if (!REACTION_DOC_ID.equals(exchange.formField("doc_id"))) {
            return payload(graphqlError("Unknown doc_id " + exchange.formField("doc_id")));
        }
        JsonNode data;
        try {
            data = EmulatorJson.MAPPER.readTree(required(exchange, "variables")).path("data");
        }
        catch (JacksonException ex) {
            return payload(graphqlError("variables is not JSON"));
        }
        String action = data.path("action").asString("");
        if (!data.path("actor_id").asString("").equals(viewer.id())
                || !(action.equals("ADD_REACTION") || action.equals("REMOVE_REACTION"))) {
            return payload(graphqlError("A reaction is added or removed by the viewer"));
        }
        StoredMessage message = messageOf(viewer, data.path("message_id").asString(""));
        String reaction = action.equals("ADD_REACTION") ? data.path("reaction").asString("") : null;
        if (reaction != null && reaction.isEmpty()) {
            return payload(graphqlError("ADD_REACTION needs a reaction"));
        }
        this.world.threadActions().react(message.threadId(), viewer.id(), message.id(), reaction);
        ObjectNode answer = EmulatorJson.MAPPER.createObjectNode();
        answer.putObject("data").putObject("message_reaction").put("client_mutation_id",
                data.path("client_mutation_id").asString(""));
        return payload(answer);
    }

    /** {@code attachment_id} and one {@code recipient_map[<client id>]} naming the thread it goes to. */
    private FullHttpResponse forward(HttpExchange exchange, Account viewer) {
        String attachmentId = required(exchange, "attachment_id");
        Map<String, String> recipients = keyed(exchange, "recipient_map");
        if (recipients.size() != 1) {
            throw new IllegalArgumentException("one recipient");
        }
        Map.Entry<String, String> recipient = recipients.entrySet().iterator().next();
        ChatThread thread = recipientThread(viewer, recipient.getValue());
        Optional<Attachment> attachment = attachment(viewer, attachmentId);
        ObjectNode answer = EmulatorJson.MAPPER.createObjectNode();
        if (attachment.isEmpty()) {
            answer.put("success", false);
            answer.put("error", "The attachment " + attachmentId + " cannot be forwarded");
            return payload(answer);
        }
        this.world.post(viewer.id(), thread,
                new MessageContent(null, List.of(attachment.get()), List.of(), null, null, List.of()),
                recipient.getKey().isBlank() ? RandomTokens.digits(19) : recipient.getKey());
        answer.put("success", true);
        return payload(answer);
    }

    /** The thread a forward goes to: one of the viewer's, or a new one-to-one thread with an account. */
    private ChatThread recipientThread(Account viewer, String protocolId) {
        Optional<ThreadView> existing = this.world.threadView(viewer.id(), protocolId.strip());
        if (existing.isPresent()) {
            return existing.get().thread();
        }
        if (!protocolId.equals(viewer.id()) && this.world.isActor(protocolId)) {
            return this.world.oneToOne(viewer.id(), protocolId);
        }
        throw new IllegalArgumentException("no recipient " + protocolId);
    }

    /** An attachment the viewer can see (in a message of one of its threads) or uploaded. */
    private Optional<Attachment> attachment(Account viewer, String id) {
        for (ThreadView view : this.world.threadViews(viewer.id())) {
            for (StoredMessage message : view.messages()) {
                for (Attachment attachment : message.attachments()) {
                    if (attachment.id().equals(id)) {
                        return Optional.of(attachment);
                    }
                }
            }
        }
        return this.world.uploads().file(id);
    }

    /** A message of one of the viewer's threads. */
    private StoredMessage messageOf(Account viewer, String messageId) {
        for (ThreadView view : this.world.threadViews(viewer.id())) {
            for (StoredMessage message : view.messages()) {
                if (message.id().equals(messageId)) {
                    return message;
                }
            }
        }
        throw new IllegalArgumentException("no message " + messageId + " for " + viewer.id());
    }

    private static ObjectNode graphqlError(String message) {
        ObjectNode answer = EmulatorJson.MAPPER.createObjectNode();
        ObjectNode error = answer.putArray("errors").addObject();
        error.put("code", 1675030);
        error.put("summary", "Query error");
        error.put("message", message);
        error.put("debug_info", "");
        return answer;
    }
}
