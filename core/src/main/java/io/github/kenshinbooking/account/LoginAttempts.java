package io.github.kenshinbooking.account;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Lock state of one login key (AUTH-4): consecutive failures and, when locked, the instant the
 * lock ends (locked while {@code now < lockedUntil}). Immutable and thread-safe.
 */
public record LoginAttempts(int consecutiveFailures, Optional<Instant> lockedUntil) {
    public LoginAttempts {
        requireNonNull(lockedUntil, "lockedUntil");
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must not be negative");
        }
    }

    /** No failures, no lock. */
    public static LoginAttempts none() {
        return new LoginAttempts(0, Optional.empty());
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil.isPresent() && now.isBefore(lockedUntil.get());
    }
}
