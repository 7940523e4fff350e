package io.github.kenshinbooking.exchange;

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
 */
public record SlotRow(long line, String venue, String institution, String date, String start,
        String durationMinutes, String capacity, String receptionOpens) {
}
