package io.github.kenshinbooking.reservation;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.schedule.Slot;
import java.time.LocalDateTime;

/**
 * 予約詳細: a reservation, its slot and its deadlines, and whether the household may still change
 * or cancel it itself. Immutable and thread-safe.
 */
public record ReservationDetails(Reservation reservation, Slot slot, String memberName,
        LocalDateTime changeDeadline, LocalDateTime cancelDeadline, boolean changeable, boolean cancellable) {
    public ReservationDetails {
        requireNonNull(reservation, "reservation");
        requireNonNull(slot, "slot");
        requireNonNull(memberName, "memberName");
        requireNonNull(changeDeadline, "changeDeadline");
        requireNonNull(cancelDeadline, "cancelDeadline");
    }
}
