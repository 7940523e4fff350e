package io.github.kenshinbooking.schedule;

import io.github.kenshinbooking.error.InputText;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.eligibility.CourseId;
import io.github.kenshinbooking.eligibility.OptionId;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What the union configures for a new slot (SLOT-1): venue, institution (健診機関), date, start
 * time, duration, capacity, the instant reception opens (SLOT-2), the courses it offers (CRS-1) and
 * its optional tests with their places (OPT-2). Immutable and thread-safe.
 *
 * @param venue          the venue (会場)
 * @param institution    the checkup institution (健診機関)
 * @param date           the exam date
 * @param start          the start time, local to the union's zone
 * @param duration       the slot's length, positive
 * @param capacity       places (定員), at least 0
 * @param receptionOpens the instant reception opens (SLOT-2)
 * @param courses        the courses it offers (CRS-1); empty for every course of the union
 * @param options        its optional tests and their places (OPT-2), by test
 */
public record SlotSpec(Venue venue, String institution, LocalDate date, LocalTime start, Duration duration,
        int capacity, Instant receptionOpens, SortedSet<CourseId> courses, SortedMap<OptionId, Integer> options) {
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
     * @param courses the courses it offers (CRS-1); empty for every course; copied
     * @param options its optional tests and their places (OPT-2); copied
     * @throws NullPointerException if an object component is {@code null}
     * @throws IllegalArgumentException if the duration is not positive, a capacity negative, or the
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
        courses = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(courses, "courses")));
        options = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(options, "options")));
        for (Map.Entry<OptionId, Integer> e : options.entrySet()) {
            if (requireNonNull(e.getValue(), "option capacity") < 0) {
                throw new IllegalArgumentException("capacity of option " + e.getKey() + " must not be negative");
            }
        }
    }

    /**
     * A slot offering every course and no optional test.
     *
     * @param venue the venue (会場)
     * @param institution the checkup institution (健診機関)
     * @param date the exam date
     * @param start the start time, local to the union's zone
     * @param duration the slot's length, positive
     * @param capacity places (定員), at least 0
     * @param receptionOpens the instant reception opens (SLOT-2)
     */
    public SlotSpec(Venue venue, String institution, LocalDate date, LocalTime start, Duration duration,
            int capacity, Instant receptionOpens) {
        this(venue, institution, date, start, duration, capacity, receptionOpens, new TreeSet<>(), new TreeMap<>());
    }

    /**
     * This spec offering only these courses (CRS-1).
     *
     * @param offered the courses; empty for every course
     * @return a new spec
     */
    public SlotSpec withCourses(Set<CourseId> offered) {
        return new SlotSpec(venue, institution, date, start, duration, capacity, receptionOpens,
                new TreeSet<>(offered), options);
    }

    /**
     * This spec also offering an optional test with its own places (OPT-2).
     *
     * @param option the test
     * @param places its places in the slot, at least 0
     * @return a new spec
     */
    public SlotSpec withOption(OptionId option, int places) {
        TreeMap<OptionId, Integer> more = new TreeMap<>(options);
        more.put(requireNonNull(option, "option"), places);
        return new SlotSpec(venue, institution, date, start, duration, capacity, receptionOpens, courses, more);
    }
}
