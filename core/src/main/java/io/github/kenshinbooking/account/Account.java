package io.github.kenshinbooking.account;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.household.SymbolNumber;
import java.util.Optional;

/**
 * A household's account (HH-2): one password for the whole household and an optional e-mail
 * address. No password hash means the initial password (AUTH-3) is in force: first-login (AUTH-5).
 * Immutable and thread-safe.
 *
 * @param household    the household's symbol number (記号番号)
 * @param passwordHash the household password's hash, empty while the initial password is in force
 * @param email        the household's e-mail address, if registered
 */
public record Account(SymbolNumber household, Optional<PasswordHash> passwordHash, Optional<EmailAddress> email) {
    /**
     * Checks the components.
     *
     * @param household the household's symbol number (記号番号)
     * @param passwordHash the household password's hash, empty while the initial password is in force
     * @param email the household's e-mail address, if registered
     * @throws NullPointerException if a component is {@code null}
     */
    public Account {
        requireNonNull(household, "household");
        requireNonNull(passwordHash, "passwordHash");
        requireNonNull(email, "email");
    }

    /**
     * The account of a household that never logged in: initial password, no e-mail.
     *
     * @param household the household
     * @return the initial account
     */
    public static Account initial(SymbolNumber household) {
        return new Account(household, Optional.empty(), Optional.empty());
    }

    /**
     * Whether the initial password is still in force (AUTH-5).
     *
     * @return {@code true} without a password hash
     */
    public boolean firstLogin() {
        return passwordHash.isEmpty();
    }

    /**
     * This account with a new password (PW-1, RESET-2); first-login ends.
     *
     * @param hash the new password's hash
     * @return a new account
     */
    public Account withPasswordHash(PasswordHash hash) {
        return new Account(household, Optional.of(hash), email);
    }

    /**
     * This account with another e-mail address, or none (MAIL-ADDR-1).
     *
     * @param newEmail the new address, or empty
     * @return a new account
     */
    public Account withEmail(Optional<EmailAddress> newEmail) {
        return new Account(household, passwordHash, newEmail);
    }
}
