package dev.fbchat.thread;

import java.util.List;

/**
 * The message colours a thread can be given with {@link MessengerThread#setColor} (fbchat's {@code SETABLE_COLORS}).
 * Facebook may change this list.
 */
public final class ThreadColors {

    /** The colour of a new thread, Messenger blue. */
    public static final String DEFAULT = "#0084ff";

    /** Every colour {@link MessengerThread#setColor} accepts. */
    public static final List<String> SETTABLE = List.of(DEFAULT, "#44bec7", "#ffc300", "#fa3c4c", "#d696bb", "#6699cc",
            "#13cf13", "#ff7e29", "#e68585", "#7646ff", "#20cef5", "#67b868", "#d4a88c", "#ff5ca1", "#a695c7", "#ff7ca8",
            "#1adb5b", "#f01d6a", "#ff9c19", "#0edcde");

    private ThreadColors() {
    }
}
