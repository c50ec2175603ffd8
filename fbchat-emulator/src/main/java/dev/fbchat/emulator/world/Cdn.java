package dev.fbchat.emulator.world;

/**
 * The addresses of pictures and files. They name a fixed host, {@value #HOST}, so that seeded
 * data reads the same on every port; the emulator does not serve them (*emulator only*:
 * Facebook uses its {@code scontent} and {@code cdn.fbsbx.com} hosts).
 */
public final class Cdn {

    /** The host every media address names. */
    public static final String HOST = "https://cdn.fbchat.local";

    private Cdn() {
    }

    /** A person's or page's profile picture. */
    public static String profilePicture(String actorId) {
        return HOST + "/profiles/" + actorId + ".jpg";
    }

    /** A group's picture. */
    public static String groupImage(String threadId) {
        return HOST + "/groups/" + threadId + ".jpg";
    }

    /** A preview of an attachment, {@code size} naming the variant (e.g. {@code p261x260}). */
    public static String preview(String attachmentId, String size) {
        return HOST + "/v/" + size + "/" + attachmentId + ".jpg";
    }

    /** The attachment's file itself. */
    public static String file(String attachmentId, String filename) {
        return HOST + "/v/" + attachmentId + "/" + filename;
    }

    /** A sticker's image. */
    public static String sticker(String stickerId) {
        return HOST + "/stickers/" + stickerId + ".png";
    }
}
