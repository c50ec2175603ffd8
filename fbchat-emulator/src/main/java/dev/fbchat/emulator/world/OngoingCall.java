package dev.fbchat.emulator.world;

import java.util.List;

/**
 * A call going on in a thread.
 *
 * @param initiatorId who started it
 * @param video whether it is a video call
 * @param startedAt when it started (ms)
 * @param joined who joined it after the initiator, in order
 * @param serverInfo the call's server token ({@code server_info})
 * @param conferenceName the conference's name ({@code MESSENGER:<digits>})
 */
public record OngoingCall(String initiatorId, boolean video, long startedAt, List<String> joined, String serverInfo,
        String conferenceName) {

    public OngoingCall {
        joined = List.copyOf(joined);
    }

    /** This call with one more person in it. */
    OngoingCall joinedBy(String accountId) {
        List<String> next = new java.util.ArrayList<>(this.joined);
        next.add(accountId);
        return new OngoingCall(this.initiatorId, this.video, this.startedAt, next, this.serverInfo, this.conferenceName);
    }
}
