package io.github.kenshinbooking.reservation;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.schedule.Slot;
import java.time.Duration;
import java.time.LocalDateTime;

/** One line of 予約履歴 (HIST-1): the reservation with its slot's venue, start and duration. Immutable. */
public record HistoryEntry(Reservation reservation, Slot slot) {
    public HistoryEntry {
        requireNonNull(reservation, "reservation");
        requireNonNull(slot, "slot");
    }

    public ReservationId id() {
        return reservation.id();
    }

    public LocalDateTime start() {
        return slot.startDateTime();
    }

    public Duration duration() {
        return slot.duration();
    }
}
