package io.github.kenshinbooking.mail;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the {@link OutboxRelay} works through the outbox. Immutable and thread-safe.
 *
 * @param batchSize      entries claimed per {@link OutboxRelay#runOnce() run}
 * @param lease          how long a claimed entry is not due for other relays; longer than sending a
 *                       whole batch takes (batch size × the sender's timeouts), else a slow batch is
 *                       sent twice. A relay that dies leaves its entries due again after the lease.
 * @param initialBackoff the wait after the first failed attempt; it doubles with each further failure
 * @param maxBackoff     the longest wait between attempts; failures never give up, they retry at this pace
 */
public record RelayPolicy(int batchSize, Duration lease, Duration initialBackoff, Duration maxBackoff) {
    /**
     * Checks the components.
     *
     * @param batchSize      entries claimed per run
     * @param lease          how long a claimed entry is not due for other relays
     * @param initialBackoff the wait after the first failed attempt
     * @param maxBackoff     the longest wait between attempts
     * @throws NullPointerException     if a duration is {@code null}
     * @throws IllegalArgumentException if the batch size, lease or initial backoff is not positive, or
     *     the maximum backoff is shorter than the initial one
     */
    public RelayPolicy {
        requireNonNull(lease, "lease");
        requireNonNull(initialBackoff, "initialBackoff");
        requireNonNull(maxBackoff, "maxBackoff");
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initialBackoff must be positive");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
        }
    }

    /**
     * 10 per batch, a 10-minute lease (room for a batch against a server that hangs until the
     * {@link SmtpSettings} default timeouts), backoff from 30 seconds doubling up to 15 minutes.
     *
     * @return the default policy
     */
    public static RelayPolicy defaults() {
        return new RelayPolicy(10, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofMinutes(15));
    }

    /**
     * This policy with another batch size.
     *
     * @param v the entries claimed per run
     * @return a new policy
     */
    public RelayPolicy withBatchSize(int v) {
        return new RelayPolicy(v, lease, initialBackoff, maxBackoff);
    }

    /**
     * This policy with another lease.
     *
     * @param v how long a claimed entry is not due for other relays
     * @return a new policy
     */
    public RelayPolicy withLease(Duration v) {
        return new RelayPolicy(batchSize, v, initialBackoff, maxBackoff);
    }

    /**
     * This policy with another initial backoff.
     *
     * @param v the wait after the first failed attempt
     * @return a new policy
     */
    public RelayPolicy withInitialBackoff(Duration v) {
        return new RelayPolicy(batchSize, lease, v, maxBackoff);
    }

    /**
     * This policy with another maximum backoff.
     *
     * @param v the longest wait between attempts
     * @return a new policy
     */
    public RelayPolicy withMaxBackoff(Duration v) {
        return new RelayPolicy(batchSize, lease, initialBackoff, v);
    }

    /**
     * The wait before the next attempt after {@code failures} failed attempts (at least 1):
     * {@code initialBackoff × 2^(failures − 1)}, at most {@code maxBackoff}.
     *
     * @param failures the failed attempts so far, at least 1
     * @return the wait before the next attempt
     * @throws IllegalArgumentException if {@code failures} is below 1
     */
    public Duration backoff(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1");
        }
        Duration d = initialBackoff;
        Duration half = maxBackoff.dividedBy(2);
        for (int i = 1; i < failures; i++) {
            if (d.compareTo(half) > 0) {
                return maxBackoff;
            }
            d = d.multipliedBy(2);
        }
        // here d ≤ 2 × half ≤ maxBackoff, and initialBackoff ≤ maxBackoff by the constructor: no cap needed
        return d;
    }
}
