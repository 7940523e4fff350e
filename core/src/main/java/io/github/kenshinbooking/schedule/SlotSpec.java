package io.github.kenshinbooking.schedule;

import io.github.kenshinbooking.error.InputText;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What the union configures for a new slot (SLOT-1): venue, institution (健診機関), date, start
 * time, duration, capacity, and the instant reception opens (SLOT-2). Immutable and thread-safe.
 *
 * @param venue          the venue (会場)
 * @param institution    the checkup institution (健診機関)
 * @param date           the exam date
 * @param start          the start time, local to the union's zone
 * @param duration       the slot's length, positive
 * @param capacity       places (定員), at least 0
 * @param receptionOpens the instant reception opens (SLOT-2)
 */
public record SlotSpec(Venue venue, String institution, LocalDate date, LocalTime start, Duration duration,
        int capacity, Instant receptionOpens) {
    /**
     * Checks the components.
     *
     * @param venue the venue (会場)
     * @param institution the checkup institution (健診機関)
     * @param date the exam date
     * @param start the start time, local to the union's zone
     * @param duration the slot's length, positive
     * @param capacity places (定員), at least 0
     * @param receptionOpens the instant reception opens (SLOT-2)
     * @throws NullPointerException if an object component is {@code null}
     * @throws IllegalArgumentException if the duration is not positive, the capacity negative, or the
     *     institution blank, over-long or holding a control character or malformed UTF-16 (HARD-3)
     */
    public SlotSpec {
        requireNonNull(venue, "venue");
        requireNonNull(institution, "institution");
        if (institution.isBlank() || institution.length() > Venue.MAX_LENGTH || !InputText.isClean(institution)) {
            throw new IllegalArgumentException("institution must be 1.." + Venue.MAX_LENGTH
                    + " characters without control characters");
        }
        requireNonNull(date, "date");
        requireNonNull(start, "start");
        requireNonNull(duration, "duration");
        requireNonNull(receptionOpens, "receptionOpens");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive");
        }
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
    }
}
