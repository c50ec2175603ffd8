package dev.fbchat.emulator;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A Messenger account of the emulated world.
 *
 * @param id the user id ({@code c_user})
 * @param name the display name
 * @param email the login email
 * @param password the login password
 * @param twoFactorSecret the Base32 secret of the account's code generator (RFC 6238), or
 *        {@code null} when the account has no two-factor authentication
 * @param checkpoint what a login with the right password meets before the session starts
 */
public record Account(String id, String name, String email, String password, @Nullable String twoFactorSecret,
        Checkpoint checkpoint) {

    public Account {
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (checkpoint.asksForCode() && twoFactorSecret == null) {
            throw new IllegalArgumentException("a " + checkpoint + " account needs a two-factor secret");
        }
    }

    /** An account that logs in with its password alone. */
    public Account(String id, String name, String email, String password) {
        this(id, name, email, password, null, Checkpoint.NONE);
    }

    /** What stands between a right password and the session (see "Two-factor login" in docs/emulator-protocol.md). */
    public enum Checkpoint {

        /** No checkpoint: the password logs in. */
        NONE(false),

        /** The code form, then "save browser", then the session. */
        TWO_FACTOR(true),

        /** The code form, "save browser", a login review ("This was me"), "save device" again, then the session. */
        TWO_FACTOR_AND_REVIEW(true),

        /** The account is locked: the checkpoint ends at a page asking to verify the account in a browser. */
        LOCKED(false);

        private final boolean asksForCode;

        Checkpoint(boolean asksForCode) {
            this.asksForCode = asksForCode;
        }

        /** Whether the checkpoint starts with the two-factor code form. */
        public boolean asksForCode() {
            return this.asksForCode;
        }
    }

    @Override
    public String toString() {
        return "Account[id=" + this.id + ", name=" + this.name + ", email=" + this.email
                + (this.checkpoint == Checkpoint.NONE ? "" : ", checkpoint=" + this.checkpoint) + "]";
    }
}
