package io.github.kenshinbooking.account;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.household.SymbolNumber;
import java.time.Duration;
import java.time.Instant;

/**
 * A household session as stored (SES-1): only the hash of its token, the household, when it was
 * created by a login and when it was last used. Immutable and thread-safe.
 *
 * @param tokenHash  the hash of the raw token ({@link TokenHash#of})
 * @param household  the household logged in
 * @param createdAt  when the login succeeded (start of the absolute expiry, SES-2)
 * @param lastUsedAt when the session was last created or resumed (start of the idle expiry, SES-2)
 */
public record StoredSession(String tokenHash, SymbolNumber household, Instant createdAt, Instant lastUsedAt) {
    /**
     * Checks the components.
     *
     * @param tokenHash the hash of the raw token ({@link TokenHash#of})
     * @param household the household logged in
     * @param createdAt when the login succeeded (start of the absolute expiry, SES-2)
     * @param lastUsedAt when the session was last created or resumed (start of the idle expiry, SES-2)
     * @throws NullPointerException if a component is {@code null}
     */
    public StoredSession {
        requireNonNull(tokenHash, "tokenHash");
        requireNonNull(household, "household");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(lastUsedAt, "lastUsedAt");
    }

    /**
     * Whether the session is alive at {@code now} (SES-2): {@code now < lastUsedAt + idle} and
     * {@code now < createdAt + absolute}; at either instant itself it has ended.
     *
     * @param now      the instant to judge at
     * @param idle     the idle expiry
     * @param absolute the absolute expiry
     * @return {@code true} if it may still be resumed
     */
    public boolean aliveAt(Instant now, Duration idle, Duration absolute) {
        return now.isBefore(lastUsedAt.plus(idle)) && now.isBefore(createdAt.plus(absolute));
    }

    /**
     * This session used at {@code at}; the last use never moves back (clocks of two instances may differ).
     *
     * @param at when it was used
     * @return this session with {@code lastUsedAt} at the later of the two
     */
    public StoredSession usedAt(Instant at) {
        return at.isAfter(lastUsedAt) ? new StoredSession(tokenHash, household, createdAt, at) : this;
    }
}
