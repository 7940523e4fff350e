package io.github.kenshinbooking.policy;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * AUTH-4: when failed logins lock a household, and for how long; and the optional source throttle.
 * Immutable and thread-safe.
 *
 * @param afterFailures  consecutive failures that lock (default 3)
 * @param duration       how long a lock lasts (default 30 minutes)
 * @param sourceThrottle failed logins counted per source too, when the web tier passes one
 *                       (default: off)
 */
public record LockoutPolicy(int afterFailures, Duration duration, Optional<SourceThrottle> sourceThrottle) {
    /**
     * Checks the values.
     *
     * @param afterFailures consecutive failures that lock (default 3)
     * @param duration how long a lock lasts (default 30 minutes)
     * @param sourceThrottle failed logins counted per source too (default: off)
     * @throws IllegalArgumentException if a value is not positive
     */
    public LockoutPolicy {
        Checks.positive(afterFailures, "lockout.afterFailures");
        Checks.positive(duration, "lockout.duration");
        requireNonNull(sourceThrottle, "sourceThrottle");
    }

    /**
     * A lockout without source throttle.
     *
     * @param afterFailures consecutive failures that lock
     * @param duration how long a lock lasts
     * @throws IllegalArgumentException if a value is not positive
     */
    public LockoutPolicy(int afterFailures, Duration duration) {
        this(afterFailures, duration, Optional.empty());
    }

    /**
     * This lockout with the source throttle on.
     *
     * @param throttle the throttle, e.g. {@link SourceThrottle#defaults()}
     * @return a new policy
     */
    public LockoutPolicy withSourceThrottle(SourceThrottle throttle) {
        return new LockoutPolicy(afterFailures, duration, Optional.of(requireNonNull(throttle, "throttle")));
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
