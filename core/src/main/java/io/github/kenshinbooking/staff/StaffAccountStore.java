package io.github.kenshinbooking.staff;

import io.github.kenshinbooking.reservation.StaffId;
import java.util.List;
import java.util.Optional;

/**
 * Port: union staff accounts. Accounts are added and updated, never removed. Writes join the current
 * unit of work. Implementations must be thread-safe.
 */
public interface StaffAccountStore {
    /**
     * Reads one account.
     *
     * @param id the staff id
     * @return the account, or empty
     */
    Optional<StaffAccount> find(StaffId id);

    /**
     * Stores a new account, unless one with the same id exists (ids compare exactly).
     *
     * @param account the new account
     * @return {@code false}, having changed nothing, if the id is taken
     */
    boolean add(StaffAccount account);

    /**
     * Replaces an existing account (disabling, a new password hash).
     *
     * @param account the account with its new state
     * @return {@code false}, having changed nothing, if no account has its id
     */
    boolean update(StaffAccount account);

    /**
     * Every account, enabled or not, ordered by staff id.
     *
     * @return the accounts
     */
    List<StaffAccount> findAll();
}
