package dev.fbchat.emulator.web;

import java.util.List;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.Attachment;
import dev.fbchat.emulator.world.Cdn;
import dev.fbchat.emulator.world.ChatThread;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;

/**
 * A thread's looks and a group's people, as fbchat changes them: nickname, colour, emoji, typing, a group's title,
 * picture, approval mode, administrators and removals. Each goes through the world's action, which logs the admin
 * text or event delta every participant receives.
 */
final class ThreadSettingEndpoints extends ActionEndpoints {

    private static final String NICKNAME = "/messaging/save_thread_nickname/";

    private static final String COLOR = "/messaging/save_thread_color/";

    private static final String EMOJI = "/messaging/save_thread_emoji/";

    private static final String TYPING = "/ajax/messaging/typ.php";

    private static final String TITLE = "/messaging/set_thread_name/";

    private static final String IMAGE = "/messaging/set_thread_image/";

    private static final String APPROVAL_MODE = "/messaging/set_approval_mode/";

    private static final String ADMINS = "/messaging/save_admins/";

    private static final String REMOVE_PARTICIPANT = "/chat/remove_participants/";

    ThreadSettingEndpoints(World world) {
        super(world, NICKNAME, COLOR, EMOJI, TYPING, TITLE, IMAGE, APPROVAL_MODE, ADMINS, REMOVE_PARTICIPANT);
    }

    @Override
    protected FullHttpResponse act(String path, HttpExchange exchange, Account viewer) {
        return switch (path) {
            case NICKNAME -> nickname(exchange, viewer);
            case COLOR -> color(exchange, viewer);
            case EMOJI -> emoji(exchange, viewer);
            case TYPING -> typing(exchange, viewer);
            case TITLE -> title(exchange, viewer);
            case IMAGE -> image(exchange, viewer);
            case APPROVAL_MODE -> approvalMode(exchange, viewer);
            case ADMINS -> admins(exchange, viewer);
            default -> removeParticipant(exchange, viewer);
        };
    }

    private FullHttpResponse nickname(HttpExchange exchange, Account viewer) {
        ChatThread thread = threadOf(viewer, exchange.formField("thread_or_other_fbid"));
        String participant = required(exchange, "participant_id");
        if (!thread.hasParticipant(participant)) {
            throw new IllegalArgumentException(participant + " takes no part");
        }
        this.world.threadActions().setNickname(thread.id(), viewer.id(), participant, exchange.formField("nickname"));
        return done();
    }

    private FullHttpResponse color(HttpExchange exchange, Account viewer) {
        ChatThread thread = threadOf(viewer, exchange.formField("thread_or_other_fbid"));
        String choice = required(exchange, "color_choice");
        // the default colour is chosen as an empty text
        this.world.threadActions().setColor(thread.id(), viewer.id(), choice.isEmpty() ? "#0084ff" : choice);
        return done();
    }

    private FullHttpResponse emoji(HttpExchange exchange, Account viewer) {
        ChatThread thread = threadOf(viewer, exchange.formField("thread_or_other_fbid"));
        this.world.threadActions().setEmoji(thread.id(), viewer.id(), exchange.formField("emoji_choice"));
        return done();
    }

    private FullHttpResponse typing(HttpExchange exchange, Account viewer) {
        ChatThread thread = threadOf(viewer, exchange.formField("thread"));
        this.world.presenceActions().typing(thread.id(), viewer.id(), flag(exchange, "typ"));
        return done();
    }

    private FullHttpResponse title(HttpExchange exchange, Account viewer) {
        ChatThread group = threadOf(viewer, exchange.formField("thread_id"));
        this.world.threadActions().setTitle(group.id(), viewer.id(), required(exchange, "thread_name"));
        return done();
    }

    private FullHttpResponse image(HttpExchange exchange, Account viewer) {
        ChatThread group = threadOf(viewer, exchange.formField("thread_id"));
        Attachment image = this.world.uploads()
            .file(required(exchange, "thread_image_id"))
            .filter(Attachment.Image.class::isInstance)
            .orElseThrow(() -> new IllegalArgumentException("no uploaded image"));
        this.world.threadActions().setImage(group.id(), viewer.id(), Cdn.file(image.id(), image.filename()));
        return done();
    }

    private FullHttpResponse approvalMode(HttpExchange exchange, Account viewer) {
        ChatThread group = threadOf(viewer, exchange.formField("thread_fbid"));
        this.world.threadActions().setApprovalMode(group.id(), viewer.id(), flag(exchange, "set_mode"));
        return done();
    }

    private FullHttpResponse admins(HttpExchange exchange, Account viewer) {
        ChatThread group = threadOf(viewer, exchange.formField("thread_fbid"));
        String add = required(exchange, "add");
        if (!add.equals("True") && !add.equals("False")) {
            throw new IllegalArgumentException("add is True or False");
        }
        List<String> ids = numbered(exchange, "admin_ids");
        this.world.threadActions().setAdmins(group.id(), viewer.id(), ids, add.equals("True"));
        return done();
    }

    private FullHttpResponse removeParticipant(HttpExchange exchange, Account viewer) {
        ChatThread group = threadOf(viewer, exchange.formField("tid"));
        this.world.threadActions().removeParticipant(group.id(), viewer.id(), required(exchange, "uid"));
        return done();
    }
}
