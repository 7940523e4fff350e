package io.github.kenshinbooking.policy;

import java.time.Duration;

/**
 * AUTH-4: when failed logins lock a household, and for how long. Immutable and thread-safe.
 *
 * @param afterFailures consecutive failures that lock (default 3)
 * @param duration      how long a lock lasts (default 30 minutes)
 */
public record LockoutPolicy(int afterFailures, Duration duration) {
    /**
     * Checks the values.
     *
     * @param afterFailures consecutive failures that lock (default 3)
     * @param duration how long a lock lasts (default 30 minutes)
     * @throws IllegalArgumentException if a value is not positive
     */
    public LockoutPolicy {
        Checks.positive(afterFailures, "lockout.afterFailures");
        Checks.positive(duration, "lockout.duration");
    }

    /**
     * The manual's lockout: 3 failures lock for 30 minutes.
     *
     * @return the defaults
     */
    public static LockoutPolicy defaults() {
        return new LockoutPolicy(3, Duration.ofMinutes(30));
    }
}
