package dev.fbchat.emulator.world;

import java.util.List;

import dev.fbchat.emulator.Account;
import org.jspecify.annotations.Nullable;

/**
 * What Facebook shows about a person beyond an {@link Account}'s name.
 *
 * @param accountId the account it describes
 * @param firstName the first name ({@code first_name}, {@code short_name}, {@code firstName})
 * @param lastName the last name, or {@code null}
 * @param gender the gender
 * @param username the vanity name of the profile address, or {@code null}
 * @param messengerOnly whether the account is Messenger-only (no Facebook profile, no address)
 * @param affinity how close the viewer is to the person, 0 to 1 ({@code viewer_affinity})
 * @param phones the account's phone numbers, international form ({@code +15551230001})
 * @param emails the account's email addresses, the login email first
 */
public record UserProfile(String accountId, String firstName, @Nullable String lastName, Gender gender,
        @Nullable String username, boolean messengerOnly, double affinity, List<String> phones, List<String> emails) {

    public UserProfile {
        phones = List.copyOf(phones);
        emails = List.copyOf(emails);
    }

    /** The profile of an account that was given none: names from the display name, the login email. */
    public static UserProfile derivedFrom(Account account) {
        String[] names = account.name().strip().split("\\s+", 2);
        return new UserProfile(account.id(), names[0], names.length > 1 ? names[1] : null, Gender.UNKNOWN, null, false,
                0, List.of(), List.of(account.email()));
    }

    /** The profile address, or {@code null} for a Messenger-only account. */
    public @Nullable String url() {
        if (this.messengerOnly) {
            return null;
        }
        return this.username != null ? "https://www.facebook.com/" + this.username
                : "https://www.facebook.com/profile.php?id=" + this.accountId;
    }
}
