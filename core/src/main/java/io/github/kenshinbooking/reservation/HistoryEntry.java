package io.github.kenshinbooking.reservation;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.schedule.Slot;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One line of 予約履歴 (HIST-1): the reservation with its slot's venue, start and duration. Immutable.
 *
 * @param reservation the reservation
 * @param slot        its slot
 */
public record HistoryEntry(Reservation reservation, Slot slot) {
    /**
     * Checks the components.
     *
     * @param reservation the reservation
     * @param slot its slot
     * @throws NullPointerException if a component is {@code null}
     */
    public HistoryEntry {
        requireNonNull(reservation, "reservation");
        requireNonNull(slot, "slot");
    }

    /**
     * The reservation's id.
     *
     * @return the 予約ID
     */
    public ReservationId id() {
        return reservation.id();
    }

    /**
     * The exam's start.
     *
     * @return the slot's local start date-time
     */
    public LocalDateTime start() {
        return slot.startDateTime();
    }

    /**
     * The exam's length.
     *
     * @return the slot's duration
     */
    public Duration duration() {
        return slot.duration();
    }
}
