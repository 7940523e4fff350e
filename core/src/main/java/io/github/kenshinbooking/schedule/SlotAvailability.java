package io.github.kenshinbooking.schedule;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;

/**
 * One slot as the calendar shows it to a selected member (SLOT-4): status, 残りN名, mark and the
 * booking deadline. Immutable and thread-safe.
 */
public record SlotAvailability(Slot slot, SlotStatus status, int remaining, Mark mark,
        LocalDateTime bookingDeadline) {
    public SlotAvailability {
        requireNonNull(slot, "slot");
        requireNonNull(status, "status");
        requireNonNull(mark, "mark");
        requireNonNull(bookingDeadline, "bookingDeadline");
    }
}
