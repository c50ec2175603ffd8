package dev.fbchat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.fbchat.internal.FormValues;
import dev.fbchat.internal.HttpTransport;
import dev.fbchat.internal.MimeTypes;
import dev.fbchat.internal.Times;
import dev.fbchat.internal.parse.Py;
import dev.fbchat.message.Message;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.ThreadLocation;
import dev.fbchat.upload.FileUpload;
import dev.fbchat.upload.UploadedFile;
import tools.jackson.databind.JsonNode;

/**
 * The account-wide changes of {@link Client}: uploads, receipts, folders. Each checks its arguments before any
 * request.
 */
final class AccountRequests {

    private final Session session;

    AccountRequests(Session session) {
        this.session = session;
    }

    List<UploadedFile> upload(List<FileUpload> files, boolean voiceClip) {
        Objects.requireNonNull(files, "files");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("Give at least one file to upload");
        }
        List<HttpTransport.FilePart> parts = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FileUpload file = Objects.requireNonNull(files.get(i), "file");
            parts.add(new HttpTransport.FilePart("upload_" + i, file.filename(), file.content(), file.mimeType()));
        }
        JsonNode payload = this.session.requests()
            .uploadPayload("/ajax/mercury/upload.php", Map.of("voice_clip", FormValues.bool(voiceClip)), parts);
        List<JsonNode> metadata = Py.list(Py.req(payload, "metadata"));
        if (metadata.size() != files.size()) {
            throw new ParseError("Some files could not be uploaded", payload);
        }
        List<UploadedFile> uploaded = new ArrayList<>();
        for (JsonNode item : metadata) {
            String mimeType = Py.str(Py.req(item, "filetype"));
            uploaded.add(new UploadedFile(Py.str(Py.req(item, MimeTypes.uploadKey(mimeType))), mimeType));
        }
        return uploaded;
    }

    void markAsDelivered(Message message) {
        Objects.requireNonNull(message, "message");
        Map<String, String> data = new LinkedHashMap<>();
        data.put("message_ids[0]", message.id());
        data.put("thread_ids[" + message.thread().id() + "][0]", message.id());
        this.session.requests().writePayload("/ajax/mercury/delivery_receipts.php", data);
    }

    void setReadStatus(boolean read, Collection<? extends MessengerThread> threads, Instant at) {
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(at, "at");
        if (threads.isEmpty()) {
            throw new IllegalArgumentException("Give at least one thread to mark as " + (read ? "read" : "unread"));
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("watermarkTimestamp", Long.toString(Times.toMillis(at)));
        data.put("shouldSendReadReceipt", "true");
        for (MessengerThread thread : threads) {
            data.put("ids[" + Objects.requireNonNull(thread, "thread").id() + "]", read ? "true" : "false");
        }
        this.session.requests().writePayload("/ajax/mercury/change_read_status.php", data);
    }

    void markAsSeen(Instant at) {
        Objects.requireNonNull(at, "at");
        this.session.requests()
            .writePayload("/ajax/mercury/mark_seen.php", Map.of("seen_timestamp", Long.toString(Times.toMillis(at))));
    }

    void moveThreads(ThreadLocation location, Collection<? extends MessengerThread> threads) {
        Objects.requireNonNull(location, "location");
        List<String> ids = ids(threads);
        if (location == ThreadLocation.ARCHIVED) {
            Map<String, String> archive = new LinkedHashMap<>();
            Map<String, String> unpin = new LinkedHashMap<>();
            for (String id : ids) {
                archive.put("ids[" + id + "]", "true");
                unpin.put("ids[" + id + "]", "false");
            }
            this.session.requests().writePayload("/ajax/mercury/change_archived_status.php?dpr=1", archive);
            this.session.requests().writePayload("/ajax/mercury/change_pinned_status.php?dpr=1", unpin);
            return;
        }
        // message requests are moved as filtered ones: how the endpoint works
        ThreadLocation target = location == ThreadLocation.PENDING ? ThreadLocation.OTHER : location;
        String name = target.name().toLowerCase(java.util.Locale.ROOT);
        this.session.requests().writePayload("/ajax/mercury/move_threads.php", FormValues.numbered(name, ids, "thread"));
    }

    /** The threads' ids: at least one. */
    static List<String> ids(Collection<? extends MessengerThread> threads) {
        Objects.requireNonNull(threads, "threads");
        if (threads.isEmpty()) {
            throw new IllegalArgumentException("Give at least one thread");
        }
        return threads.stream().map(thread -> Objects.requireNonNull(thread, "thread").id()).toList();
    }
}
