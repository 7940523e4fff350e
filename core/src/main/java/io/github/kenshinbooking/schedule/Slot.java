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
 * reservations hold it, whether its event day was cancelled (SLOT-6) and whether staff closed it to
 * new bookings (STAFF-3). A snapshot: immutable and thread-safe, never updated in place.
 *
 * @param id             the slot's id, assigned by the store
 * @param venue          the venue (会場)
 * @param institution    the checkup institution (健診機関)
 * @param date           the exam date
 * @param start          the start time, local to the union's zone
 * @param duration       the slot's length
 * @param capacity       places (定員), at least 0
 * @param receptionOpens the instant reception opens (SLOT-2)
 * @param reserved       places taken: live reservations and places held for the waiting list (WAIT-2);
 *                       {@code 0 <= reserved <= capacity} (SLOT-3)
 * @param eventCancelled whether the event day was cancelled (SLOT-6)
 * @param closed         whether staff closed it to new bookings (STAFF-3)
 */
public record Slot(SlotId id, Venue venue, String institution, LocalDate date, LocalTime start, Duration duration,
        int capacity, Instant receptionOpens, int reserved, boolean eventCancelled, boolean closed) {

    /**
     * Checks the components.
     *
     * @param id the slot's id, assigned by the store
     * @param venue the venue (会場)
     * @param institution the checkup institution (健診機関)
     * @param date the exam date
     * @param start the start time, local to the union's zone
     * @param duration the slot's length
     * @param capacity places (定員), at least 0
     * @param receptionOpens the instant reception opens (SLOT-2)
     * @param reserved live reservations; {@code 0 <= reserved <= capacity} (SLOT-3)
     * @param eventCancelled whether the event day was cancelled (SLOT-6)
     * @param closed whether staff closed it to new bookings (STAFF-3)
     * @throws NullPointerException if an object component is {@code null}
     * @throws IllegalArgumentException unless {@code 0 <= reserved <= capacity}
     */
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

    /**
     * A slot that staff have not closed.
     *
     * @param id the slot's id, assigned by the store
     * @param venue the venue (会場)
     * @param institution the checkup institution (健診機関)
     * @param date the exam date
     * @param start the start time, local to the union's zone
     * @param duration the slot's length
     * @param capacity places (定員), at least 0
     * @param receptionOpens the instant reception opens (SLOT-2)
     * @param reserved live reservations; {@code 0 <= reserved <= capacity} (SLOT-3)
     * @param eventCancelled whether the event day was cancelled (SLOT-6)
     * @throws NullPointerException if an object component is {@code null}
     * @throws IllegalArgumentException unless {@code 0 <= reserved <= capacity}
     */
    public Slot(SlotId id, Venue venue, String institution, LocalDate date, LocalTime start, Duration duration,
            int capacity, Instant receptionOpens, int reserved, boolean eventCancelled) {
        this(id, venue, institution, date, start, duration, capacity, receptionOpens, reserved, eventCancelled,
                false);
    }

    /**
     * A fresh slot for a spec, holding no reservation.
     *
     * @param id the slot's id
     * @param spec what the union configured
     * @return the slot, neither cancelled nor closed
     */
    public static Slot of(SlotId id, SlotSpec spec) {
        return new Slot(id, spec.venue(), spec.institution(), spec.date(), spec.start(), spec.duration(),
                spec.capacity(), spec.receptionOpens(), 0, false, false);
    }

    /**
     * Places left: capacity − places taken by live reservations and held for the waiting list (SLOT-3, WAIT-2).
     *
     * @return the remaining places, at least 0
     */
    public int remaining() {
        return capacity - reserved;
    }

    /**
     * Local start date-time of the exam in the union's zone.
     *
     * @return the date and start time
     */
    public LocalDateTime startDateTime() {
        return LocalDateTime.of(date, start);
    }

    /**
     * The fiscal year the exam date falls in (ELIG-1).
     *
     * @return the fiscal year (年度)
     */
    public FiscalYear fiscalYear() {
        return FiscalYear.containing(date);
    }
}
