package io.github.kenshinbooking.account;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.household.SymbolNumber;
import java.util.Optional;

/**
 * A household's account (HH-2): one password for the whole household and an optional e-mail
 * address. No password hash means the initial password (AUTH-3) is in force: first-login (AUTH-5).
 * Immutable and thread-safe.
 */
public record Account(SymbolNumber household, Optional<PasswordHash> passwordHash, Optional<EmailAddress> email) {
    public Account {
        requireNonNull(household, "household");
        requireNonNull(passwordHash, "passwordHash");
        requireNonNull(email, "email");
    }

    /** The account of a household that never logged in: initial password, no e-mail. */
    public static Account initial(SymbolNumber household) {
        return new Account(household, Optional.empty(), Optional.empty());
    }

    /** Whether the initial password is still in force (AUTH-5). */
    public boolean firstLogin() {
        return passwordHash.isEmpty();
    }

    public Account withPasswordHash(PasswordHash hash) {
        return new Account(household, Optional.of(hash), email);
    }

    public Account withEmail(Optional<EmailAddress> newEmail) {
        return new Account(household, passwordHash, newEmail);
    }
}
