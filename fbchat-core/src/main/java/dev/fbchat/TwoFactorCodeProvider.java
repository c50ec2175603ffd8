package dev.fbchat;

/**
 * Supplies a two-factor login code (the six digits of a code generator) when Facebook asks for
 * one during {@link Session#login}.
 */
@FunctionalInterface
public interface TwoFactorCodeProvider {

    /** Returns the current login code. */
    String code();
}
