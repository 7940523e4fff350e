package io.github.kenshinbooking.mail;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the outbox relay works through the outbox: batch size, lease of claimed entries and the
 * delay before a failed entry is retried. Immutable and thread-safe.
 */
public record RelayPolicy(int batchSize, Duration lease, Duration retryDelay) {
    public RelayPolicy {
        requireNonNull(lease, "lease");
        requireNonNull(retryDelay, "retryDelay");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
    }

    /** 50 per batch, a 5-minute lease, retry after 1 minute. */
    public static RelayPolicy defaults() {
        return new RelayPolicy(50, Duration.ofMinutes(5), Duration.ofMinutes(1));
    }
}
