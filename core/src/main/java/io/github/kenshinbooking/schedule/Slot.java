package io.github.kenshinbooking.schedule;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.eligibility.CourseId;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.eligibility.OptionId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A slot (予約枠) as read from the store: what the union configured (SLOT-1), how many live
 * reservations hold it, whether its event day was cancelled (SLOT-6) and whether staff closed it to
 * new bookings (STAFF-3), which courses it offers (CRS-1) and the places of its optional tests (OPT-2).
 * A snapshot: immutable and thread-safe, never updated in place; the {@code with...} methods return new
 * values that keep every other component.
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
 * @param courses        the courses it offers (CRS-1); empty for every course
 * @param options        its optional tests with their places (OPT-2), by test code
 */
public record Slot(SlotId id, Venue venue, String institution, LocalDate date, LocalTime start, Duration duration,
        int capacity, Instant receptionOpens, int reserved, boolean eventCancelled, boolean closed,
        SortedSet<CourseId> courses, List<SlotOption> options) {

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
     * @param courses the courses it offers (CRS-1); empty for every course; copied
     * @param options its optional tests with their places (OPT-2); copied, ordered by test code
     * @throws NullPointerException if an object component is {@code null}
     * @throws IllegalArgumentException unless {@code 0 <= reserved <= capacity}, or for a test listed twice
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
        courses = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(courses, "courses")));
        List<SlotOption> sorted = new ArrayList<>(requireNonNull(options, "options"));
        sorted.sort(Comparator.comparing(SlotOption::option));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).option().equals(sorted.get(i - 1).option())) {
                throw new IllegalArgumentException("option " + sorted.get(i).option() + " listed twice");
            }
        }
        options = List.copyOf(sorted);
    }

    /**
     * A slot offering every course and no optional test.
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
    public Slot(SlotId id, Venue venue, String institution, LocalDate date, LocalTime start, Duration duration,
            int capacity, Instant receptionOpens, int reserved, boolean eventCancelled, boolean closed) {
        this(id, venue, institution, date, start, duration, capacity, receptionOpens, reserved, eventCancelled,
                closed, new TreeSet<>(), List.of());
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
        List<SlotOption> options = new ArrayList<>();
        for (Map.Entry<OptionId, Integer> e : spec.options().entrySet()) {
            options.add(new SlotOption(e.getKey(), e.getValue(), 0));
        }
        return new Slot(id, spec.venue(), spec.institution(), spec.date(), spec.start(), spec.duration(),
                spec.capacity(), spec.receptionOpens(), 0, false, false, spec.courses(), options);
    }

    /**
     * Whether it offers the course (CRS-1): every course when it names none.
     *
     * @param course the course
     * @return {@code true} if the course may be booked here
     */
    public boolean offers(CourseId course) {
        return courses.isEmpty() || courses.contains(requireNonNull(course, "course"));
    }

    /**
     * The places of one optional test in this slot (OPT-2).
     *
     * @param option the test
     * @return its places, or empty if the slot does not offer it
     */
    public Optional<SlotOption> option(OptionId option) {
        requireNonNull(option, "option");
        return options.stream().filter(o -> o.option().equals(option)).findFirst();
    }

    /**
     * This slot with another count of places taken.
     *
     * @param newReserved live reservations
     * @return a new slot
     */
    public Slot withReserved(int newReserved) {
        return new Slot(id, venue, institution, date, start, duration, capacity, receptionOpens, newReserved,
                eventCancelled, closed, courses, options);
    }

    /**
     * This slot with another capacity (STAFF-3).
     *
     * @param newCapacity places
     * @return a new slot
     */
    public Slot withCapacity(int newCapacity) {
        return new Slot(id, venue, institution, date, start, duration, newCapacity, receptionOpens, reserved,
                eventCancelled, closed, courses, options);
    }

    /**
     * This slot with its event day cancelled (SLOT-6).
     *
     * @return a new slot
     */
    public Slot withEventCancelled() {
        return new Slot(id, venue, institution, date, start, duration, capacity, receptionOpens, reserved, true,
                closed, courses, options);
    }

    /**
     * This slot closed to new bookings, or open again (STAFF-3).
     *
     * @param isClosed whether it is closed
     * @return a new slot
     */
    public Slot withClosed(boolean isClosed) {
        return new Slot(id, venue, institution, date, start, duration, capacity, receptionOpens, reserved,
                eventCancelled, isClosed, courses, options);
    }

    /**
     * This slot with another start, duration and reception opening (STAFF-3's edit).
     *
     * @param newStart the start time
     * @param newDuration the length
     * @param newReceptionOpens when reception opens
     * @return a new slot
     */
    public Slot withTimes(LocalTime newStart, Duration newDuration, Instant newReceptionOpens) {
        return new Slot(id, venue, institution, date, newStart, newDuration, capacity, newReceptionOpens, reserved,
                eventCancelled, closed, courses, options);
    }

    /**
     * This slot with another count taken of one of its optional tests (OPT-2).
     *
     * @param option the test, offered here
     * @param newReserved the places of it taken
     * @return a new slot
     * @throws IllegalArgumentException if the slot does not offer the test
     */
    public Slot withOptionReserved(OptionId option, int newReserved) {
        List<SlotOption> changed = new ArrayList<>();
        boolean found = false;
        for (SlotOption o : options) {
            found |= o.option().equals(option);
            changed.add(o.option().equals(option) ? o.withReserved(newReserved) : o);
        }
        if (!found) {
            throw new IllegalArgumentException("slot " + id + " does not offer option " + option);
        }
        return new Slot(id, venue, institution, date, start, duration, capacity, receptionOpens, reserved,
                eventCancelled, closed, courses, changed);
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
