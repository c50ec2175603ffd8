package dev.fbchat.thread;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import dev.fbchat.Session;
import dev.fbchat.attachment.Attachment;
import dev.fbchat.internal.Deletions;
import dev.fbchat.message.EmojiSize;
import dev.fbchat.message.Mention;
import dev.fbchat.message.MessageData;
import dev.fbchat.message.MessageSnippet;
import dev.fbchat.upload.UploadedFile;
import org.jspecify.annotations.Nullable;

/**
 * A Messenger conversation: a {@link User} (one-to-one), a {@link Group}, a {@link Page}, or an
 * {@link UnknownThread} whose kind is not known. fbchat's {@code ThreadABC}, named so it does
 * not clash with {@link java.lang.Thread}. Handles are cheap values: a session and an id.
 */
public sealed interface MessengerThread permits User, Group, Page, UnknownThread {

    /** The session that acts on this thread. */
    Session session();

    /** The thread's id: the other person's id for a one-to-one thread, the group's id for a group. */
    String id();

    /**
     * Waves to the thread.
     *
     * @param first {@code true} to wave first, {@code false} to wave back
     * @return the new message's id
     * @throws UnsupportedOperationException for an {@link UnknownThread}
     */
    default String wave(boolean first) {
        return ThreadSends.wave(this, first);
    }

    /** Waves first ({@link #wave(boolean)}). */
    default String wave() {
        return wave(true);
    }

    /**
     * Sends a text message.
     *
     * @return the new message's id
     * @throws IllegalArgumentException when {@code text} is empty
     * @throws UnsupportedOperationException for an {@link UnknownThread}
     */
    default String sendText(String text) {
        return sendText(text, List.of(), List.of(), null);
    }

    /**
     * Sends a text message with mentions ({@link dev.fbchat.message.Message#formatMentions} makes both).
     *
     * @return the new message's id
     * @throws IllegalArgumentException when {@code text} is empty or a mention lies outside it
     */
    default String sendText(String text, List<Mention> mentions) {
        return sendText(text, mentions, List.of(), null);
    }

    /**
     * Sends a message: a text with its mentions, files uploaded with {@code Client.upload}, as a reply or not.
     *
     * @param text the text; may be empty only when there are files
     * @param mentions the mentions, each inside the text
     * @param files the uploaded files to attach
     * @param replyToId the id of the message this one replies to, or {@code null}
     * @return the new message's id
     * @throws IllegalArgumentException when the text is empty and there are no files, or a mention lies outside it
     * @throws UnsupportedOperationException for an {@link UnknownThread}
     */
    default String sendText(String text, List<Mention> mentions, List<UploadedFile> files, @Nullable String replyToId) {
        Objects.requireNonNull(text, "text");
        return ThreadSends.text(this, text, mentions, files, replyToId);
    }

    /**
     * Sends an emoji on its own, at a size.
     *
     * @return the new message's id
     */
    default String sendEmoji(String emoji, EmojiSize size) {
        return ThreadSends.emoji(this, emoji, size);
    }

    /**
     * Sends a sticker.
     *
     * @param stickerId the sticker's id, such as {@code 369239263222822} (the like)
     * @return the new message's id
     */
    default String sendSticker(String stickerId) {
        return ThreadSends.sticker(this, stickerId);
    }

    /**
     * Sends a place as the account's current location.
     *
     * @return the new message's id
     * @throws IllegalArgumentException when the coordinates are not on Earth
     */
    default String sendLocation(double latitude, double longitude) {
        return ThreadSends.location(this, true, latitude, longitude);
    }

    /**
     * Sends a place as a pinned location.
     *
     * @return the new message's id
     * @throws IllegalArgumentException when the coordinates are not on Earth
     */
    default String sendPinnedLocation(double latitude, double longitude) {
        return ThreadSends.location(this, false, latitude, longitude);
    }

    /**
     * Sends uploaded files, without text.
     *
     * @return the new message's id
     * @throws IllegalArgumentException when {@code files} is empty
     */
    default String sendFiles(List<UploadedFile> files) {
        return ThreadSends.text(this, null, List.of(), files, null);
    }

    /** Forwards an attachment (by its id) to this thread. */
    default void forwardAttachment(String attachmentId) {
        ThreadRequests.forwardAttachment(this, attachmentId);
    }

    /**
     * Sets a participant's nickname in this thread.
     *
     * @param nickname the nickname, or {@code null} to remove it
     */
    default void setNickname(String userId, @Nullable String nickname) {
        ThreadRequests.setNickname(this, userId, nickname);
    }

    /**
     * Sets the thread's message colour.
     *
     * @param color one of {@link ThreadColors#SETTABLE}
     * @throws IllegalArgumentException for any other colour, before any request
     */
    default void setColor(String color) {
        ThreadRequests.setColor(this, color);
    }

    /**
     * Sets the thread's emoji.
     *
     * @param emoji the emoji, or {@code null} for the default like
     */
    default void setEmoji(@Nullable String emoji) {
        ThreadRequests.setEmoji(this, emoji);
    }

    /** Shows the account as typing in this thread. */
    default void startTyping() {
        ThreadRequests.setTyping(this, true);
    }

    /** Shows the account as no longer typing in this thread. */
    default void stopTyping() {
        ThreadRequests.setTyping(this, false);
    }

    /**
     * Creates a plan in this thread.
     *
     * @param locationName the place's name, or {@code null}
     * @param locationId the place's Facebook id, or {@code null}
     * @throws IllegalArgumentException when {@code name} is blank
     */
    default void createPlan(String name, Instant at, @Nullable String locationName, @Nullable String locationId) {
        ThreadRequests.createPlan(this, name, at, locationName, locationId);
    }

    /** Creates a plan with no place. */
    default void createPlan(String name, Instant at) {
        createPlan(name, at, null, null);
    }

    /**
     * Creates a poll in this thread.
     *
     * @param options each option's text and whether the account votes for it, in the map's order
     * @throws IllegalArgumentException when the question is blank or there is no option
     */
    default void createPoll(String question, Map<String, Boolean> options) {
        ThreadRequests.createPoll(this, question, options);
    }

    /**
     * Mutes the thread.
     *
     * @param duration how long, or {@code null} for ever
     */
    default void mute(@Nullable Duration duration) {
        ThreadRequests.mute(this, duration);
    }

    /** Mutes the thread for ever. */
    default void mute() {
        mute(null);
    }

    /** Unmutes the thread. */
    default void unmute() {
        mute(Duration.ZERO);
    }

    /** Mutes the thread's reactions. */
    default void muteReactions() {
        ThreadRequests.muteReactions(this, true);
    }

    /** Unmutes the thread's reactions. */
    default void unmuteReactions() {
        ThreadRequests.muteReactions(this, false);
    }

    /** Mutes the thread's mentions. */
    default void muteMentions() {
        ThreadRequests.muteMentions(this, true);
    }

    /** Unmutes the thread's mentions. */
    default void unmuteMentions() {
        ThreadRequests.muteMentions(this, false);
    }

    /** Marks the thread as spam, which also deletes it for the account. */
    default void markAsSpam() {
        ThreadRequests.markAsSpam(this);
    }

    /** Deletes the thread for the account ({@code Client.deleteThreads} deletes several at once). */
    default void delete() {
        Deletions.threads(session().requests(), List.of(id()));
    }

    /**
     * The thread's messages, newest first. Lazy: 100 messages per request, the next requested only when the stream
     * reaches it.
     *
     * @param limit how many messages at most, or {@code null} for all
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    default Stream<MessageData> fetchMessages(@Nullable Integer limit) {
        return ThreadReads.messages(this, limit);
    }

    /**
     * The images and videos sent in the thread, last sent first. Lazy, page by page.
     *
     * @param limit how many at most, or {@code null} for all
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    default Stream<Attachment> fetchImages(@Nullable Integer limit) {
        return ThreadReads.images(this, limit);
    }

    /**
     * The thread's messages that match {@code query}, last sent first. Lazy: 50 per request.
     *
     * @param limit how many at most, or {@code null} for all
     * @throws IllegalArgumentException when {@code query} is blank or {@code limit} is negative
     */
    default Stream<MessageSnippet> searchMessages(String query, @Nullable Integer limit) {
        Objects.requireNonNull(query, "query");
        if (query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank");
        }
        return ThreadReads.search(this, query, limit);
    }

    /** Fetches one message of this thread by id (one request). */
    default MessageData fetchMessage(String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        return ThreadReads.message(this, messageId);
    }
}
