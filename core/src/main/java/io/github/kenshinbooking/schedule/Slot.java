package io.github.kenshinbooking.schedule;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.eligibility.FiscalYear;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A slot (予約枠) as read from the store: what the union configured (SLOT-1), how many live
 * reservations hold it, and whether its event day was cancelled (SLOT-6). A snapshot: immutable
 * and thread-safe, never updated in place.
 *
 * @param reserved live reservations; {@code 0 <= reserved <= capacity} (SLOT-3)
 */
public record Slot(SlotId id, Venue venue, String institution, LocalDate date, LocalTime start, Duration duration,
        int capacity, Instant receptionOpens, int reserved, boolean eventCancelled) {

    public Slot {
        requireNonNull(id, "id");
        requireNonNull(venue, "venue");
        requireNonNull(institution, "institution");
        requireNonNull(date, "date");
        requireNonNull(start, "start");
        requireNonNull(duration, "duration");
        requireNonNull(receptionOpens, "receptionOpens");
        if (capacity < 0 || reserved < 0 || reserved > capacity) {
            throw new IllegalArgumentException("need 0 <= reserved <= capacity");
        }
    }

    /** A fresh slot for a spec, holding no reservation. */
    public static Slot of(SlotId id, SlotSpec spec) {
        return new Slot(id, spec.venue(), spec.institution(), spec.date(), spec.start(), spec.duration(),
                spec.capacity(), spec.receptionOpens(), 0, false);
    }

    /** Places left: capacity − live reservations (SLOT-3). */
    public int remaining() {
        return capacity - reserved;
    }

    /** Local start date-time of the exam in the union's zone. */
    public LocalDateTime startDateTime() {
        return LocalDateTime.of(date, start);
    }

    /** The fiscal year the exam date falls in (ELIG-1). */
    public FiscalYear fiscalYear() {
        return FiscalYear.containing(date);
    }
}
