package io.github.kenshinbooking.reservation;

/** Status of a reservation in the history (HIST-1). */
public enum ReservationStatus {
    /** 確定: live. */
    CONFIRMED,
    /** キャンセル */
    CANCELLED
}
