package dev.fbchat.emulator.world;

import java.util.List;

/**
 * A poll in a thread.
 *
 * @param id the poll id ({@code question_id})
 * @param threadId the emulator's handle of its thread
 * @param question the question
 * @param options the options, in the order they were made
 */
public record Poll(String id, String threadId, String question, List<Option> options) {

    public Poll {
        options = List.copyOf(options);
    }

    /**
     * An option of a poll.
     *
     * @param id the option id
     * @param text the option's text
     * @param voters the ids of the people who voted for it
     */
    public record Option(String id, String text, List<String> voters) {

        public Option {
            voters = List.copyOf(voters);
        }
    }
}
