package dev.fbchat.emulator;

/**
 * A Messenger account of the emulated world.
 *
 * @param id the user id ({@code c_user})
 * @param name the display name
 * @param email the login email
 * @param password the login password
 */
public record Account(String id, String name, String email, String password) {

    @Override
    public String toString() {
        return "Account[id=" + this.id + ", name=" + this.name + ", email=" + this.email + "]";
    }
}
