package dev.fbchat.emulator.web;

import java.util.Arrays;
import java.util.Optional;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.Cdn;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.FacebookPage;
import dev.fbchat.emulator.world.UserProfile;
import dev.fbchat.emulator.world.World;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * People and pages in Facebook's shapes: GraphQL {@code User} and {@code Page} nodes (search),
 * the {@code messaging_actor} of a thread's participants, and the profile entries of
 * {@code /chat/user_info/} and {@code /chat/user_info_all}.
 */
final class ActorShapes {

    private final World world;

    ActorShapes(World world) {
        this.world = world;
    }

    /** The GraphQL {@code User} of the search queries (fbchat's {@code User} fragment). */
    ObjectNode user(Account account, String viewerId) {
        UserProfile profile = this.world.people().profile(account);
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("id", account.id());
        json.put("name", account.name());
        json.put("first_name", profile.firstName());
        json.put("last_name", profile.lastName());
        json.putObject("profile_picture").put("uri", Cdn.profilePicture(account.id()));
        json.put("is_viewer_friend", this.world.people().areFriends(viewerId, account.id()));
        json.put("url", profile.url());
        json.put("gender", profile.gender().name());
        json.put("viewer_affinity", account.id().equals(viewerId) ? 0 : profile.affinity());
        return json;
    }

    /** The GraphQL {@code Page} of the search queries (fbchat's {@code Page} fragment). */
    ObjectNode page(FacebookPage page) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("id", page.id());
        json.put("name", page.name());
        json.putObject("profile_picture").put("uri", Cdn.profilePicture(page.id()));
        json.put("url", page.url());
        json.put("category_type", page.category());
        if (page.city() == null) {
            json.putNull("city");
        }
        else {
            json.putObject("city").put("name", page.city());
        }
        return json;
    }

    /** A thread participant: {@code {"messaging_actor": {...}}}, a user, a page, or an unavailable actor. */
    ObjectNode participant(String actorId, String viewerId) {
        ObjectNode node = EmulatorJson.MAPPER.createObjectNode();
        ObjectNode actor = node.putObject("messaging_actor");
        actor.put("id", actorId);
        Optional<Account> account = this.world.account(actorId);
        Optional<FacebookPage> page = this.world.people().page(actorId);
        if (account.isPresent()) {
            UserProfile profile = this.world.people().profile(account.get());
            actor.put("__typename", "User");
            actor.put("name", account.get().name());
            actor.put("gender", profile.gender().name());
            actor.put("url", profile.url());
            actor.putObject("big_image_src").put("uri", Cdn.profilePicture(actorId));
            actor.put("short_name", profile.firstName());
            actor.put("username", profile.username() == null ? "" : profile.username());
            actor.put("is_viewer_friend", this.world.people().areFriends(viewerId, actorId));
            actor.put("is_messenger_user", true);
        }
        else if (page.isPresent()) {
            actor.put("__typename", "Page");
            actor.put("name", page.get().name());
            actor.putNull("gender");
            actor.put("url", page.get().url());
            actor.putObject("big_image_src").put("uri", Cdn.profilePicture(actorId));
            actor.put("short_name", page.get().name());
            actor.put("username", page.get().username());
            actor.put("is_viewer_friend", false);
            actor.put("is_messenger_user", false);
        }
        else {
            actor.put("__typename", "UnavailableMessagingActor");
            return node;
        }
        actor.put("is_verified", false);
        actor.put("is_message_blocked_by_viewer", this.world.people().hasBlocked(viewerId, actorId));
        actor.put("is_viewer_coworker", false);
        actor.putNull("is_employee");
        return node;
    }

    /**
     * The profile entry of {@code /chat/user_info/} and {@code /chat/user_info_all} for an
     * account or a page: {@code type} is {@code friend}, {@code user} or {@code page}.
     */
    Optional<ObjectNode> chatProfile(String id, String viewerId) {
        Optional<Account> account = this.world.account(id);
        if (account.isPresent()) {
            UserProfile profile = this.world.people().profile(account.get());
            boolean friend = this.world.people().areFriends(viewerId, id);
            ObjectNode json = entry(id, account.get().name(), profile.url());
            json.put("firstName", profile.firstName());
            json.put("vanity", profile.username() == null ? "" : profile.username());
            json.put("gender", profile.gender().chatCode());
            json.put("i18nGender", profile.gender().i18nCode());
            json.put("type", friend ? "friend" : "user");
            json.put("is_friend", friend);
            searchTokens(json, account.get().name());
            json.put("alternateName", "");
            json.put("is_nonfriend_messenger_contact", !friend && !id.equals(viewerId));
            json.put("is_blocked", this.world.people().hasBlocked(viewerId, id));
            return Optional.of(json);
        }
        return this.world.people().page(id).map(page -> {
            ObjectNode json = entry(id, page.name(), page.url());
            json.put("vanity", page.username());
            json.put("gender", 0);
            json.put("i18nGender", 0);
            json.put("type", "page");
            json.put("is_friend", false);
            searchTokens(json, page.name());
            json.put("alternateName", "");
            json.put("is_nonfriend_messenger_contact", false);
            json.put("is_blocked", this.world.people().hasBlocked(viewerId, id));
            return json;
        });
    }

    private static ObjectNode entry(String id, String name, @Nullable String url) {
        ObjectNode json = EmulatorJson.MAPPER.createObjectNode();
        json.put("id", id);
        json.put("name", name);
        json.put("thumbSrc", Cdn.profilePicture(id));
        json.put("uri", url);
        json.putNull("mThumbSrcSmall");
        json.putNull("mThumbSrcLarge");
        json.putNull("dir");
        return json;
    }

    private static void searchTokens(ObjectNode json, String name) {
        ArrayNode tokens = json.putArray("searchTokens");
        Arrays.stream(name.strip().split("\\s+")).forEach(tokens::add);
    }
}
