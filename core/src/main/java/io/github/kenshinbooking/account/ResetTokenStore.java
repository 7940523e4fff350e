package io.github.kenshinbooking.account;

import io.github.kenshinbooking.household.SymbolNumber;
import java.time.Instant;
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

    /**
     * Voids every outstanding token of the household (HARD-2: after a reset or a password change):
     * they can no longer be redeemed. Joins the current unit of work.
     *
     * @param household the household
     * @return how many usable-looking tokens were voided (marked used)
     */
    int voidAllOf(SymbolNumber household);

    /**
     * When the household's newest token was issued (HARD-2's mail interval).
     *
     * @param household the household
     * @return the issue instant of its newest token, or empty if it has none
     */
    Optional<Instant> lastIssuedAt(SymbolNumber household);
}
