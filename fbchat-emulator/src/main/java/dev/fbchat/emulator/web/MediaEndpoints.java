package dev.fbchat.emulator.web;

import java.util.Optional;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.Attachment;
import dev.fbchat.emulator.world.Cdn;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.World;
import io.netty.handler.codec.http.FullHttpResponse;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /mercury/attachments/photo/} with {@code photo_id}: where the full-size image is. The
 * answer is no payload but a {@code jsmods} redirect, {@code ServerRedirect.redirectPageTo}.
 */
final class MediaEndpoints extends LoggedInEndpoints {

    static final String PHOTO = "/mercury/attachments/photo/";

    MediaEndpoints(World world) {
        super(world, PHOTO);
    }

    @Override
    protected FullHttpResponse answer(HttpExchange exchange, Account viewer) {
        String photoId = exchange.formField("photo_id");
        Optional<Attachment.Image> image = photoId == null ? Optional.empty() : this.world.threadViews(viewer.id())
            .stream()
            .flatMap(view -> view.messages().stream())
            .flatMap(message -> message.attachments().stream())
            .filter(attachment -> attachment instanceof Attachment.Image && attachment.id().equals(photoId))
            .map(Attachment.Image.class::cast)
            .findFirst();
        if (image.isEmpty()) {
            return contentUnavailable();
        }
        ObjectNode answer = EmulatorJson.MAPPER.createObjectNode();
        answer.put("__ar", 1);
        answer.putNull("payload");
        ArrayNode redirect = answer.putObject("jsmods").putArray("require").addArray();
        redirect.add("ServerRedirect");
        redirect.add("redirectPageTo");
        redirect.addArray();
        redirect.addArray().add(Cdn.file(image.get().id(), image.get().filename())).add(false).add(false);
        return HttpAnswers.payload(answer);
    }
}
