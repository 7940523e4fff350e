package io.github.kenshinbooking.notification;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A notification as the outbox holds it: its id (stable across retries; the mail's Message-ID is
 * derived from it), when it was recorded, delivery attempts so far, when it is next due, and when
 * it was sent. Immutable and thread-safe.
 *
 * @param id            the entry's id, stable across retries
 * @param notification  the notification
 * @param createdAt     when it was recorded
 * @param attempts      delivery attempts so far (a failed one counts, MAIL-2)
 * @param nextAttemptAt when it is next due (the end of a lease, or the retry instant)
 * @param sentAt        when it was sent, if it was
 * @param lastError     the error of the last failed attempt, if any
 */
public record OutboxEntry(long id, Notification notification, Instant createdAt, int attempts,
        Instant nextAttemptAt, Optional<Instant> sentAt, Optional<String> lastError) {
    /**
     * Checks the components.
     *
     * @param id the entry's id, stable across retries
     * @param notification the notification
     * @param createdAt when it was recorded
     * @param attempts delivery attempts so far (a failed one counts, MAIL-2)
     * @param nextAttemptAt when it is next due (the end of a lease, or the retry instant)
     * @param sentAt when it was sent, if it was
     * @param lastError the error of the last failed attempt, if any
     * @throws NullPointerException if an object component is {@code null}
     */
    public OutboxEntry {
        requireNonNull(notification, "notification");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(nextAttemptAt, "nextAttemptAt");
        requireNonNull(sentAt, "sentAt");
        requireNonNull(lastError, "lastError");
    }

    /**
     * Whether it was sent.
     *
     * @return {@code true} once marked sent
     */
    public boolean sent() {
        return sentAt.isPresent();
    }
}
