package io.github.kenshinbooking.schedule;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;

/**
 * One slot as the calendar shows it to a selected member (SLOT-4): status, 残りN名, mark and the
 * booking deadline. Immutable and thread-safe.
 *
 * @param slot            the slot
 * @param status          the slot's status for the selected member
 * @param remaining       places left (残りN名)
 * @param mark            the alternative mark ○, △ or ×
 * @param bookingDeadline the slot's booking deadline, local to the union's zone
 */
public record SlotAvailability(Slot slot, SlotStatus status, int remaining, Mark mark,
        LocalDateTime bookingDeadline) {
    /**
     * Checks the components.
     *
     * @param slot the slot
     * @param status the slot's status for the selected member
     * @param remaining places left (残りN名)
     * @param mark the alternative mark ○, △ or ×
     * @param bookingDeadline the slot's booking deadline, local to the union's zone
     * @throws NullPointerException if an object component is {@code null}
     */
    public SlotAvailability {
        requireNonNull(slot, "slot");
        requireNonNull(status, "status");
        requireNonNull(mark, "mark");
        requireNonNull(bookingDeadline, "bookingDeadline");
    }
}
