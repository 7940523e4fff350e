package io.github.kenshinbooking.reservation;


/** Port: hands out reservation ids (予約ID), unique per union, never reused. Thread-safe. */
public interface ReservationIds {
    /**
     * Hands out a new id: positive and never handed out before, even if the unit of work that took
     * it rolls back.
     *
     * @return the new id
     */
    ReservationId next();
}
