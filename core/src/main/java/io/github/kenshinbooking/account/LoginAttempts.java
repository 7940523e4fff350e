package io.github.kenshinbooking.account;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.policy.LockoutPolicy;
import java.time.Instant;
import java.util.Optional;

/**
 * Lock state of one login key (AUTH-4, ログインロック): consecutive failures and, when locked, the
 * instant the lock ends (locked while {@code now < lockedUntil}). Its transitions are the rule: a
 * failure counts and locks at the policy's count, a success clears, and a lock that has ended starts
 * the count again. Immutable and thread-safe.
 *
 * @param consecutiveFailures failures since the last success or lock
 * @param lockedUntil         the end of the current or last lock, if any
 */
public record LoginAttempts(int consecutiveFailures, Optional<Instant> lockedUntil) {
    /**
     * Checks the components.
     *
     * @param consecutiveFailures failures since the last success or lock
     * @param lockedUntil the end of the current or last lock, if any
     * @throws NullPointerException if {@code lockedUntil} is {@code null}
     * @throws IllegalArgumentException if the count is negative
     */
    public LoginAttempts {
        requireNonNull(lockedUntil, "lockedUntil");
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must not be negative");
        }
    }

    /** @return no failures, no lock */
    public static LoginAttempts none() {
        return new LoginAttempts(0, Optional.empty());
    }

    /**
     * Whether a login is refused as locked at {@code now}.
     *
     * @param now the instant to judge at
     * @return {@code true} while {@code now < lockedUntil}
     */
    public boolean lockedAt(Instant now) {
        return lockedUntil.isPresent() && now.isBefore(lockedUntil.get());
    }

    /**
     * The state a login at {@code now} starts from: a lock that has ended is forgotten with its count.
     *
     * @param now the instant of the login
     * @return this state, or {@link #none()} if its lock has ended
     */
    public LoginAttempts at(Instant now) {
        return lockedUntil.isPresent() && !lockedAt(now) ? none() : this;
    }

    /**
     * The state after a failed login at {@code now}: one more failure, or a lock of the policy's
     * duration when the count reaches the policy's number (the count then starts again).
     *
     * @param now    the instant of the failure
     * @param policy the union's lockout
     * @return the next state
     */
    public LoginAttempts failed(Instant now, LockoutPolicy policy) {
        int failures = at(now).consecutiveFailures + 1;
        return failures >= policy.afterFailures()
                ? new LoginAttempts(0, Optional.of(now.plus(policy.duration())))
                : new LoginAttempts(failures, Optional.empty());
    }
}
