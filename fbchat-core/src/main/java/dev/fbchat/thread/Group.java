package dev.fbchat.thread;

import java.util.List;
import java.util.Objects;

import dev.fbchat.Session;
import dev.fbchat.upload.UploadedFile;

/**
 * A group thread. Its id is the group's thread id.
 *
 * @param session the session that acts on it
 * @param id its id
 */
public record Group(Session session, String id) implements MessengerThread {

    public Group {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(id, "id");
    }

    /**
     * Adds people to the group.
     *
     * @return the id of the message that tells the group
     * @throws IllegalArgumentException when the list is empty or holds the account itself
     */
    public String addParticipants(List<String> userIds) {
        return GroupRequests.addParticipants(this, userIds);
    }

    /** Removes a person from the group. */
    public void removeParticipant(String userId) {
        GroupRequests.removeParticipant(this, userId);
    }

    /**
     * Makes people administrators of the group.
     *
     * @throws IllegalArgumentException when the list is empty
     */
    public void addAdmins(List<String> userIds) {
        GroupRequests.setAdmins(this, userIds, true);
    }

    /**
     * Takes the administrator role from people.
     *
     * @throws IllegalArgumentException when the list is empty
     */
    public void removeAdmins(List<String> userIds) {
        GroupRequests.setAdmins(this, userIds, false);
    }

    /** Sets the group's title. */
    public void setTitle(String title) {
        GroupRequests.setTitle(this, title);
    }

    /** Sets the group's picture to an uploaded image (its id, as {@code Client.upload} returns it). */
    public void setImage(String imageId) {
        GroupRequests.setImage(this, imageId);
    }

    /**
     * Sets the group's picture to an uploaded image.
     *
     * @throws IllegalArgumentException when the file is not an image
     */
    public void setImage(UploadedFile image) {
        Objects.requireNonNull(image, "image");
        if (!image.mimeType().startsWith("image/")) {
            throw new IllegalArgumentException("A group picture must be an image, not " + image.mimeType());
        }
        setImage(image.id());
    }

    /** Sets whether joining the group needs an administrator's approval. */
    public void setApprovalMode(boolean requireAdminApproval) {
        GroupRequests.setApprovalMode(this, requireAdminApproval);
    }

    /**
     * Lets people who asked to join into the group.
     *
     * @throws IllegalArgumentException when the list is empty
     */
    public void acceptUsers(List<String> userIds) {
        GroupRequests.answerRequests(this, userIds, true);
    }

    /**
     * Refuses people who asked to join the group.
     *
     * @throws IllegalArgumentException when the list is empty
     */
    public void denyUsers(List<String> userIds) {
        GroupRequests.answerRequests(this, userIds, false);
    }
}
