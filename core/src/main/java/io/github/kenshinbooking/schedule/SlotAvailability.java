package io.github.kenshinbooking.schedule;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One slot as the calendar shows it to a selected member (SLOT-4): status, 残りN名, mark and the
 * booking deadline, and beside them the places left of each of its optional tests (OPT-3). Immutable
 * and thread-safe.
 *
 * @param slot            the slot
 * @param status          the slot's status for the selected member
 * @param remaining       places left (残りN名)
 * @param mark            the alternative mark ○, △ or ×
 * @param bookingDeadline the slot's booking deadline, local to the union's zone
 * @param options         its optional tests' places left and marks, by test code (OPT-3)
 */
public record SlotAvailability(Slot slot, SlotStatus status, int remaining, Mark mark,
        LocalDateTime bookingDeadline, List<OptionAvailability> options) {
    /**
     * Checks the components.
     *
     * @param slot the slot
     * @param status the slot's status for the selected member
     * @param remaining places left (残りN名)
     * @param mark the alternative mark ○, △ or ×
     * @param bookingDeadline the slot's booking deadline, local to the union's zone
     * @param options its optional tests' places left and marks (OPT-3); copied
     * @throws NullPointerException if an object component is {@code null}
     */
    public SlotAvailability {
        requireNonNull(slot, "slot");
        requireNonNull(status, "status");
        requireNonNull(mark, "mark");
        requireNonNull(bookingDeadline, "bookingDeadline");
        options = List.copyOf(requireNonNull(options, "options"));
    }

    /**
     * A slot without optional tests.
     *
     * @param slot the slot
     * @param status the slot's status for the selected member
     * @param remaining places left (残りN名)
     * @param mark the alternative mark ○, △ or ×
     * @param bookingDeadline the slot's booking deadline, local to the union's zone
     */
    public SlotAvailability(Slot slot, SlotStatus status, int remaining, Mark mark, LocalDateTime bookingDeadline) {
        this(slot, status, remaining, mark, bookingDeadline, List.of());
    }
}
