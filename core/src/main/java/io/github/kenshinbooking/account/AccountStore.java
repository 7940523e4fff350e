package io.github.kenshinbooking.account;

import io.github.kenshinbooking.household.SymbolNumber;
import java.util.List;
import java.util.Optional;

/** Port: household accounts (password hash, e-mail). Writes join the current unit of work. Thread-safe. */
public interface AccountStore {
    /**
     * The stored account; empty for a household that never changed its initial state.
     *
     * @param household the household
     * @return the account, or empty
     */
    Optional<Account> find(SymbolNumber household);

    /**
     * Inserts or replaces the household's account; its old e-mail address no longer finds it.
     *
     * @param account the account to store
     */
    void save(Account account);

    /**
     * Accounts whose e-mail is this address (domain compared case-insensitively, the local part
     * exactly), for RESET-1. Several households may share an address.
     *
     * @param email the address
     * @return every such account, ordered by symbol number
     */
    List<Account> findByEmail(EmailAddress email);
}
