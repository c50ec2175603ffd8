package dev.fbchat.emulator.world;

/** A person's gender as Facebook reports it: by name in GraphQL, by number in the older chat endpoints. */
public enum Gender {

    /** GraphQL {@code FEMALE}; chat code 1. */
    FEMALE(1, 2),

    /** GraphQL {@code MALE}; chat code 2. */
    MALE(2, 1),

    /** GraphQL {@code NEUTER}; chat code 6. */
    NEUTER(6, 0),

    /** GraphQL {@code UNKNOWN}; chat code 0. */
    UNKNOWN(0, 0);

    private final int chatCode;

    private final int i18nCode;

    Gender(int chatCode, int i18nCode) {
        this.chatCode = chatCode;
        this.i18nCode = i18nCode;
    }

    /** The {@code gender} number of {@code /chat/user_info/} and {@code /chat/user_info_all}. */
    public int chatCode() {
        return this.chatCode;
    }

    /** The {@code i18nGender} number of the same endpoints. */
    public int i18nCode() {
        return this.i18nCode;
    }
}
