package dev.fbchat.emulator.world;

/**
 * A logged-in session: what the {@code c_user}/{@code xs} cookies name.
 *
 * @param accountId the {@code c_user} cookie
 * @param secret the {@code xs} cookie
 * @param fbDtsg the form token bound to the session
 */
public record LoginSession(String accountId, String secret, String fbDtsg) {

    @Override
    public String toString() {
        return "LoginSession[accountId=" + this.accountId + "]";
    }
}
