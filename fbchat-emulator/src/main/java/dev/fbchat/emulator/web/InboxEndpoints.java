package dev.fbchat.emulator.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.Folder;
import dev.fbchat.emulator.world.ThreadView;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which threads wait for the viewer: {@code /ajax/mercury/unread_threads.php} (unread, by folder)
 * and {@code /mercury/unseen_thread_ids/} (unseen, in the inbox).
 */
final class InboxEndpoints extends LoggedInEndpoints {

    static final String UNREAD = "/ajax/mercury/unread_threads.php";

    static final String UNSEEN = "/mercury/unseen_thread_ids/";

    InboxEndpoints(World world) {
        super(world, UNREAD, UNSEEN);
    }

    @Override
    protected FullHttpResponse answer(HttpExchange exchange, Account viewer) {
        ObjectNode payload = EmulatorJson.MAPPER.createObjectNode();
        if (exchange.path().equals(UNSEEN)) {
            ArrayNode entries = payload.putArray("unseen_thread_fbids");
            entries.add(entry(viewer, Folder.INBOX, ThreadView::isUnseen));
            return payload(payload);
        }
        List<Folder> folders = new ArrayList<>();
        for (Map.Entry<String, String> field : exchange.formFields().entrySet()) {
            if (field.getKey().startsWith("folders[")) {
                for (Folder folder : Folder.values()) {
                    if (folder.name().equals(field.getValue().strip().toUpperCase(Locale.ROOT))
                            && !folders.contains(folder)) {
                        folders.add(folder);
                    }
                }
            }
        }
        if (folders.isEmpty()) {
            folders.add(Folder.INBOX);
        }
        ArrayNode entries = payload.putArray("unread_thread_fbids");
        folders.forEach(folder -> entries.add(entry(viewer, folder, view -> view.unreadCount() > 0)));
        return payload(payload);
    }

    /** The threads of one folder that match, most recently active first: groups by id, the rest by the other's id. */
    private ObjectNode entry(Account viewer, Folder folder, Predicate<ThreadView> matches) {
        ObjectNode entry = EmulatorJson.MAPPER.createObjectNode();
        ArrayNode groups = entry.putArray("thread_fbids");
        ArrayNode others = entry.putArray("other_user_fbids");
        this.world.threadViews(viewer.id())
            .stream()
            .filter(view -> view.folder() == folder && matches.test(view))
            .sorted((a, b) -> Long.compare(b.updatedAt(), a.updatedAt()))
            .forEach(view -> (view.isGroup() ? groups : others).add(view.protocolId()));
        entry.put("folder", folder.name().toLowerCase(Locale.ROOT));
        return entry;
    }
}
