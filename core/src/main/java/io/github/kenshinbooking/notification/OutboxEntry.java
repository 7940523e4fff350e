package io.github.kenshinbooking.notification;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A notification as the outbox holds it: its id (stable across retries; the mail's Message-ID is
 * derived from it), when it was recorded, delivery attempts so far, when it is next due, and when
 * it was sent. Immutable and thread-safe.
 */
public record OutboxEntry(long id, Notification notification, Instant createdAt, int attempts,
        Instant nextAttemptAt, Optional<Instant> sentAt, Optional<String> lastError) {
    public OutboxEntry {
        requireNonNull(notification, "notification");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(nextAttemptAt, "nextAttemptAt");
        requireNonNull(sentAt, "sentAt");
        requireNonNull(lastError, "lastError");
    }

    public boolean sent() {
        return sentAt.isPresent();
    }
}
