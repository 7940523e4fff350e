package io.github.kenshinbooking.account;

import io.github.kenshinbooking.household.SymbolNumber;
import java.util.List;
import java.util.Optional;

/** Port: household accounts (password hash, e-mail). Writes join the current unit of work. Thread-safe. */
public interface AccountStore {
    /** The stored account; empty for a household that never changed its initial state. */
    Optional<Account> find(SymbolNumber household);

    /** Inserts or replaces the household's account. */
    void save(Account account);

    /** Accounts whose e-mail is this address (domain compared case-insensitively). */
    List<Account> findByEmail(EmailAddress email);
}
