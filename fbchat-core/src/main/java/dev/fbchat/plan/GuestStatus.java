package dev.fbchat.plan;

/** Where a guest stands on a plan. */
public enum GuestStatus {

    /** Invited, no answer yet. */
    INVITED(1),
    /** Going. */
    GOING(2),
    /** Not going. */
    DECLINED(3);

    private final int value;

    GuestStatus(int value) {
        this.value = value;
    }

    /** fbchat's number for this status. */
    public int value() {
        return this.value;
    }
}
