package io.github.kenshinbooking.schedule;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One day of the calendar (SLOT-5): the day's aggregate status for the selected member, its
 * booking deadline (予約締切日時) and its slots, ordered by venue then start. Immutable and thread-safe.
 */
public record CalendarDay(LocalDate date, SlotStatus status, LocalDateTime bookingDeadline,
        List<SlotAvailability> slots) {
    public CalendarDay {
        requireNonNull(date, "date");
        requireNonNull(status, "status");
        requireNonNull(bookingDeadline, "bookingDeadline");
        slots = List.copyOf(requireNonNull(slots, "slots"));
    }
}
