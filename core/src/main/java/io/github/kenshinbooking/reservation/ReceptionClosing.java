package io.github.kenshinbooking.reservation;

/**
 * Whether a booking or change keeps to the closing of the new slot's reception window, the booking
 * deadline of SLOT-2 (STAFF-2).
 */
public enum ReceptionClosing {
    /**
     * The closing holds: from the booking deadline on, {@code BOOKING_CLOSED}. Always for a household;
     * for staff the default of CNL-2.
     */
    ENFORCED,
    /**
     * Staff override the closing (STAFF-2, 電話予約): a slot past its booking deadline is still
     * booked. Everything else still holds: the opening ({@code RECEPTION_NOT_OPEN}), the event day, a
     * slot closed by staff, eligibility, ONE-1 and capacity.
     */
    OVERRIDDEN
}
