package io.github.kenshinbooking.schedule;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One day of the calendar (SLOT-5): the day's aggregate status for the selected member, its
 * booking deadline (予約締切日時) and its slots, ordered by venue then start. Immutable and thread-safe.
 *
 * @param date            the day
 * @param status          the day's aggregate status for the selected member
 * @param bookingDeadline the day's booking deadline, local to the union's zone
 * @param slots           the day's slots, ordered by venue then start; copied
 */
public record CalendarDay(LocalDate date, SlotStatus status, LocalDateTime bookingDeadline,
        List<SlotAvailability> slots) {
    /**
     * Checks the components and copies the slots.
     *
     * @param date the day
     * @param status the day's aggregate status for the selected member
     * @param bookingDeadline the day's booking deadline, local to the union's zone
     * @param slots the day's slots, ordered by venue then start; copied
     * @throws NullPointerException if a component or a slot is {@code null}
     */
    public CalendarDay {
        requireNonNull(date, "date");
        requireNonNull(status, "status");
        requireNonNull(bookingDeadline, "bookingDeadline");
        slots = List.copyOf(requireNonNull(slots, "slots"));
    }
}
