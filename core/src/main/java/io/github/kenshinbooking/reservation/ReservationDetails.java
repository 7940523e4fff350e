package io.github.kenshinbooking.reservation;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.schedule.Slot;
import java.time.LocalDateTime;

/**
 * 予約詳細: a reservation, its slot and its deadlines, and whether the household may still change
 * or cancel it itself. Immutable and thread-safe.
 *
 * @param reservation    the reservation
 * @param slot           its slot
 * @param memberName     the reserved member's name
 * @param changeDeadline the change deadline (CHG-1), local to the union's zone
 * @param cancelDeadline the cancel deadline (CNL-1), local to the union's zone
 * @param changeable     whether the household may still change it itself (live, before the change deadline)
 * @param cancellable    whether the household may still cancel it itself (live, before the cancel deadline)
 */
public record ReservationDetails(Reservation reservation, Slot slot, String memberName,
        LocalDateTime changeDeadline, LocalDateTime cancelDeadline, boolean changeable, boolean cancellable) {
    /**
     * Checks the components.
     *
     * @param reservation the reservation
     * @param slot its slot
     * @param memberName the reserved member's name
     * @param changeDeadline the change deadline (CHG-1), local to the union's zone
     * @param cancelDeadline the cancel deadline (CNL-1), local to the union's zone
     * @param changeable whether the household may still change it itself (live, before the change deadline)
     * @param cancellable whether the household may still cancel it itself (live, before the cancel deadline)
     * @throws NullPointerException if an object component is {@code null}
     */
    public ReservationDetails {
        requireNonNull(reservation, "reservation");
        requireNonNull(slot, "slot");
        requireNonNull(memberName, "memberName");
        requireNonNull(changeDeadline, "changeDeadline");
        requireNonNull(cancelDeadline, "cancelDeadline");
    }
}
