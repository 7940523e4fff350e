package io.github.kenshinbooking.spring;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.notification.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * One reading of the outbox: what is unsent, and for how long the oldest unsent mail, and the oldest one
 * that has failed, have waited. An unsent entry with at least one attempt has failed every attempt so far
 * (a success marks it sent), and it was due at once when recorded, so its age is how long its mail has been
 * failing (give or take one relay interval). Immutable and thread-safe.
 *
 * @param readAt       when the outbox was read
 * @param pending      unsent entries
 * @param failing      unsent entries with at least one failed attempt
 * @param oldestPending when the oldest unsent entry was recorded, if any
 * @param oldestFailing when the oldest unsent entry with a failed attempt was recorded, if any
 */
public record OutboxStatus(Instant readAt, int pending, int failing, Optional<Instant> oldestPending,
        Optional<Instant> oldestFailing) {
    /**
     * Checks the components.
     *
     * @param readAt        when the outbox was read
     * @param pending       unsent entries
     * @param failing       unsent entries with at least one failed attempt
     * @param oldestPending when the oldest unsent entry was recorded, if any
     * @param oldestFailing when the oldest unsent entry with a failed attempt was recorded, if any
     * @throws NullPointerException if a component is {@code null}
     */
    public OutboxStatus {
        requireNonNull(readAt, "readAt");
        requireNonNull(oldestPending, "oldestPending");
        requireNonNull(oldestFailing, "oldestFailing");
    }

    /**
     * The reading of these unsent entries.
     *
     * @param readAt  when they were read
     * @param entries the unsent entries
     * @return the reading
     */
    public static OutboxStatus of(Instant readAt, Collection<OutboxEntry> entries) {
        int failing = 0;
        Instant oldest = null;
        Instant oldestFailing = null;
        for (OutboxEntry e : entries) {
            if (e.sent()) {
                continue;
            }
            oldest = oldest == null || e.createdAt().isBefore(oldest) ? e.createdAt() : oldest;
            if (e.attempts() > 0) {
                failing++;
                oldestFailing = oldestFailing == null || e.createdAt().isBefore(oldestFailing) ? e.createdAt()
                        : oldestFailing;
            }
        }
        int pending = (int) entries.stream().filter(e -> !e.sent()).count();
        return new OutboxStatus(readAt, pending, failing, Optional.ofNullable(oldest), Optional.ofNullable(oldestFailing));
    }

    /**
     * How long the oldest unsent mail has waited at the reading.
     *
     * @return its age, zero when nothing is unsent
     */
    public Duration oldestPendingAge() {
        return oldestPending.map(t -> age(t)).orElse(Duration.ZERO);
    }

    /**
     * How long the oldest failing mail has been failing at the reading.
     *
     * @return its age, zero when no unsent mail has failed
     */
    public Duration failingFor() {
        return oldestFailing.map(t -> age(t)).orElse(Duration.ZERO);
    }

    private Duration age(Instant t) {
        Duration d = Duration.between(t, readAt);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
