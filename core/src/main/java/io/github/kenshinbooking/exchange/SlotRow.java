package io.github.kenshinbooking.exchange;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One row of a slot import (DATA-2) as text, before any check: the use case checks every field (HARD-3)
 * and reports a bad one with the row's line. A blank or {@code null} field is missing. Immutable and
 * thread-safe.
 *
 * @param line            the row's line in the file (the header is line 1)
 * @param venue           the venue (会場)
 * @param institution     the checkup institution (健診機関)
 * @param date            the exam date, {@code 2024-06-16} or {@code 2024/6/16}
 * @param start           the start time, {@code 9:00} or {@code 09:00}
 * @param durationMinutes the slot's length in minutes, e.g. {@code 30}
 * @param capacity        the places (定員), e.g. {@code 10}
 * @param receptionOpens  when reception opens (SLOT-2), a date and time in the union's zone, e.g.
 *                        {@code 2024-04-01 09:00}
 * @param problem         what the reader found wrong with the row as a whole (e.g. too many columns, a
 *                        broken quote), reported as a bad row; empty for a well-formed row
 */
public record SlotRow(long line, String venue, String institution, String date, String start,
        String durationMinutes, String capacity, String receptionOpens, Optional<String> problem) {
    /**
     * Checks the problem's presence.
     *
     * @param line the row's line
     * @param venue the venue
     * @param institution the checkup institution
     * @param date the exam date
     * @param start the start time
     * @param durationMinutes the slot's length in minutes
     * @param capacity the places
     * @param receptionOpens when reception opens
     * @param problem what is wrong with the row as a whole, or empty
     * @throws NullPointerException if {@code problem} is {@code null}
     */
    public SlotRow {
        requireNonNull(problem, "problem");
    }

    /**
     * A well-formed row.
     *
     * @param line the row's line
     * @param venue the venue
     * @param institution the checkup institution
     * @param date the exam date
     * @param start the start time
     * @param durationMinutes the slot's length in minutes
     * @param capacity the places
     * @param receptionOpens when reception opens
     */
    public SlotRow(long line, String venue, String institution, String date, String start, String durationMinutes,
            String capacity, String receptionOpens) {
        this(line, venue, institution, date, start, durationMinutes, capacity, receptionOpens, Optional.empty());
    }
}
