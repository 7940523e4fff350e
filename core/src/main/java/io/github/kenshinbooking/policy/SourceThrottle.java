package io.github.kenshinbooking.policy;

import java.time.Duration;

/**
 * The optional source throttle (against credential stuffing): failed logins counted per source (e.g.
 * the client's address, as the web tier passes it) across households; at the count the source is
 * refused for the duration. Successes do not clear the count; a throttle that ends starts the
 * count again.
 *
 * <p>Trade-off against AUTH-4's per-household lock, which stays in force: the throttle stops one
 * source from trying many households, which the per-household lock cannot; it cannot stop a
 * distributed attacker, and every client behind one address (a company's or a carrier's NAT)
 * shares its count, so its number must be well above a household's. Immutable and thread-safe.
 *
 * @param afterFailures failures from one source that throttle it (default 10)
 * @param duration      how long a throttle lasts (default 30 minutes)
 */
public record SourceThrottle(int afterFailures, Duration duration) {
    /**
     * Checks the values.
     *
     * @param afterFailures failures from one source that throttle it (default 10)
     * @param duration how long a throttle lasts (default 30 minutes)
     * @throws IllegalArgumentException if a value is not positive
     */
    public SourceThrottle {
        Checks.positive(afterFailures, "lockout.sourceThrottle.afterFailures");
        Checks.positive(duration, "lockout.sourceThrottle.duration");
    }

    /**
     * The suggested throttle: 10 failures from a source throttle it for 30 minutes.
     *
     * @return the defaults
     */
    public static SourceThrottle defaults() {
        return new SourceThrottle(10, Duration.ofMinutes(30));
    }

    /**
     * The throttle as a lockout of its own, counted under the source's key.
     *
     * @return a lockout with this throttle's count and duration
     */
    public LockoutPolicy asLockout() {
        return new LockoutPolicy(afterFailures, duration);
    }
}
