package dev.fbchat.emulator.web;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;

/** The account's relations to other people: confirming a friend request, unfriending, blocking, unblocking. */
final class FriendEndpoints extends ActionEndpoints {

    private static final String CONFIRM = "/ajax/add_friend/action.php";

    private static final String UNFRIEND = "/ajax/profile/removefriendconfirm.php";

    private static final String BLOCK = "/messaging/block_messages/";

    private static final String UNBLOCK = "/messaging/unblock_messages/";

    FriendEndpoints(World world) {
        super(world, CONFIRM, UNFRIEND, BLOCK, UNBLOCK);
    }

    @Override
    protected FullHttpResponse act(String path, HttpExchange exchange, Account viewer) {
        switch (path) {
            case CONFIRM -> {
                if (!"confirm".equals(exchange.formField("action"))) {
                    throw new IllegalArgumentException("the action is confirm");
                }
                this.world.presenceActions().confirmFriendRequest(required(exchange, "to_friend"), viewer.id());
            }
            case UNFRIEND -> {
                String friend = required(exchange, "uid");
                if (!this.world.people().areFriends(viewer.id(), friend)) {
                    throw new IllegalArgumentException("not friends");
                }
                this.world.people().unfriend(viewer.id(), friend);
            }
            default -> {
                String other = required(exchange, "fbid");
                if (other.equals(viewer.id()) || !this.world.isActor(other)) {
                    throw new IllegalArgumentException("nobody to block");
                }
                this.world.people().setBlocked(viewer.id(), other, path.equals(BLOCK));
            }
        }
        return done();
    }
}
