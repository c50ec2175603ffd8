package dev.fbchat.emulator.web;

import java.util.NoSuchElementException;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;

/**
 * A family of logged-in endpoints that change the world, one handler per path. A request the world refuses (an id
 * that names nothing of the viewer's, an action the viewer may not take, a field missing) is answered as Facebook
 * answers it: error 1545003, "Invalid action".
 */
abstract class ActionEndpoints extends LoggedInEndpoints {

    protected ActionEndpoints(World world, String... paths) {
        super(world, paths);
    }

    @Override
    protected final FullHttpResponse answer(HttpExchange exchange, Account viewer) {
        try {
            return act(exchange.path(), exchange, viewer);
        }
        catch (IllegalArgumentException | NoSuchElementException ex) {
            return invalidAction();
        }
    }

    /**
     * Answers a request to one of the family's paths.
     *
     * @throws IllegalArgumentException or {@link NoSuchElementException} when the world refuses the action
     */
    protected abstract FullHttpResponse act(String path, HttpExchange exchange, Account viewer);
}
