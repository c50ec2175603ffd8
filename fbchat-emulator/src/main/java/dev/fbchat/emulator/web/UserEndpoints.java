package dev.fbchat.emulator.web;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.ThreadView;
import dev.fbchat.emulator.world.UserProfile;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * People: {@code /chat/user_info_all} (everyone the viewer chats with), {@code /chat/user_info/}
 * (profiles by id), and the GraphQL document of the viewer's own phone numbers and emails.
 */
final class UserEndpoints extends LoggedInEndpoints implements GraphqlDocuments {

    static final String USER_INFO_ALL = "/chat/user_info_all";

    static final String USER_INFO = "/chat/user_info/";

    /** The viewer's phone numbers and email addresses (fbchat's {@code get_phone_numbers}, {@code get_emails}). */
    static final String PRIVATE_DATA_DOC = "1868889766468115";

    private final ActorShapes actors;

    UserEndpoints(World world) {
        super(world, USER_INFO_ALL, USER_INFO);
        this.actors = new ActorShapes(world);
    }

    @Override
    protected FullHttpResponse answer(HttpExchange exchange, Account viewer) {
        if (exchange.path().equals(USER_INFO_ALL)) {
            return payload(everyone(viewer));
        }
        ObjectNode payload = EmulatorJson.MAPPER.createObjectNode();
        ObjectNode profiles = payload.putObject("profiles");
        for (Map.Entry<String, String> field : exchange.formFields().entrySet()) {
            if (field.getKey().startsWith("ids[")) {
                String id = field.getValue().strip();
                this.actors.chatProfile(id, viewer.id()).ifPresent(profile -> profiles.set(id, profile));
            }
        }
        return payload(payload);
    }

    /** The viewer's friends and everyone who shares a thread with the viewer, by id; pages are left out. */
    private ObjectNode everyone(Account viewer) {
        Set<String> known = new HashSet<>(this.world.people().friendsOf(viewer.id()));
        for (ThreadView view : this.world.threadViews(viewer.id())) {
            known.addAll(view.thread().participants());
        }
        ObjectNode users = EmulatorJson.MAPPER.createObjectNode();
        for (Account account : this.world.accounts()) {
            if (known.contains(account.id()) && !account.id().equals(viewer.id())) {
                this.actors.chatProfile(account.id(), viewer.id()).ifPresent(profile -> users.set(account.id(), profile));
            }
        }
        return users;
    }

    @Override
    public Map<String, Resolver> graphqlDocuments() {
        return Map.of(PRIVATE_DATA_DOC, (viewer, params) -> privateData(viewer));
    }

    /** {@code viewer.user.all_phones} and {@code viewer.all_emails}. */
    private JsonNode privateData(Account viewer) {
        UserProfile profile = this.world.people().profile(viewer);
        ObjectNode data = EmulatorJson.MAPPER.createObjectNode();
        ObjectNode me = data.putObject("viewer");
        ObjectNode user = me.putObject("user");
        user.put("id", viewer.id());
        ArrayNode phones = user.putArray("all_phones");
        for (String phone : profile.phones()) {
            ObjectNode entry = phones.addObject();
            ObjectNode number = entry.putObject("phone_number");
            number.put("universal_number", phone);
            number.put("display_number", phone);
            entry.put("is_verified", true);
        }
        ArrayNode emails = me.putArray("all_emails");
        for (String email : profile.emails()) {
            ObjectNode entry = emails.addObject();
            entry.put("display_email", email);
            entry.put("is_verified", true);
        }
        return data;
    }
}
