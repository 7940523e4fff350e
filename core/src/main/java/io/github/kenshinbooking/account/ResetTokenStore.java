package io.github.kenshinbooking.account;

import java.util.Optional;

/** Port: password-reset tokens, by hash. Writes join the current unit of work. Thread-safe. */
public interface ResetTokenStore {
    /**
     * Stores a new token (RESET-1).
     *
     * @param token the token, by its hash
     * @throws RuntimeException if a token with that hash exists; the first one is kept
     */
    void add(ResetToken token);

    /**
     * The token with that hash, compared exactly; inside a unit of work it is locked until the unit
     * of work ends (the JDBC adapter locks its row), so concurrent identity mismatches all count.
     *
     * @param tokenHash the token's hash ({@link ResetToken#hashOf})
     * @return the token, or empty
     */
    Optional<ResetToken> findForUpdate(String tokenHash);

    /**
     * Replaces the stored token of the same hash: its identity mismatches and use (RESET-2).
     *
     * @param token the token's new state
     */
    void update(ResetToken token);
}
