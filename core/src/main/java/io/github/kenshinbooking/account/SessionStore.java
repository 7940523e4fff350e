package io.github.kenshinbooking.account;

import io.github.kenshinbooking.household.SymbolNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: household sessions (SES-1..SES-3), by token hash. An ended session is removed, so a store
 * never answers one. Writes join the current unit of work. Thread-safe.
 */
public interface SessionStore {
    /**
     * Stores a new session (SES-1).
     *
     * @param session the session, by its token hash
     * @throws RuntimeException if a session with that hash exists; the first one is kept
     */
    void add(StoredSession session);

    /**
     * The stored session with that hash, compared exactly, alive or not (a plain read).
     *
     * @param tokenHash the token's hash ({@link TokenHash#of})
     * @return the session, or empty if there is none or it has ended
     */
    Optional<StoredSession> find(String tokenHash);

    /**
     * Resumes a session if it is alive at {@code now} (SES-2, {@link StoredSession#aliveAt}) and
     * marks it used at {@code now}, as one atomic step: two instances resuming at once, or a resume
     * racing a logout, can never bring an ended session back or extend one past its expiry.
     *
     * @param tokenHash the token's hash
     * @param now       the time of the use
     * @param idle      the idle expiry (SES-2)
     * @param absolute  the absolute expiry (SES-2)
     * @return the session as used now, or empty if it is unknown, ended or expired
     */
    Optional<StoredSession> resume(String tokenHash, Instant now, Duration idle, Duration absolute);

    /**
     * Ends one session (logout, SES-2); nothing happens if there is none.
     *
     * @param tokenHash the token's hash
     * @return whether a session was ended
     */
    boolean end(String tokenHash);

    /**
     * Ends every session of a household (a reset, SES-3).
     *
     * @param household the household
     * @return how many sessions were ended
     */
    int endAllOf(SymbolNumber household);

    /**
     * Ends every session of a household but one (a password change, SES-3).
     *
     * @param household the household
     * @param keptTokenHash the hash of the session that stays
     * @return how many sessions were ended
     */
    int endAllOfExcept(SymbolNumber household, String keptTokenHash);

    /**
     * Removes the sessions that have expired at {@code now} (SES-2), to keep the store small.
     * Optional housekeeping: an expired session is refused whether or not it was purged.
     *
     * @param now      the instant to judge at
     * @param idle     the idle expiry
     * @param absolute the absolute expiry
     * @return how many sessions were removed
     */
    int purgeExpired(Instant now, Duration idle, Duration absolute);
}
