package io.github.kenshinbooking.reservation;


/**
 * Port: hands out reservation ids (予約ID), unique per union, never reused. Thread-safe.
 *
 * <p>An id source over a database sequence can break that promise only when the sequence is set back,
 * as after a fail-over to a standby that had not received its last advance. The store then refuses the
 * id ({@link DuplicateReservationIdException}); an adapter that holds ids fetched in advance must stop
 * handing them out when that happens (they may collide too), so that the next id comes from the
 * sequence.
 */
public interface ReservationIds {
    /**
     * Hands out a new id: positive and never handed out before, even if the unit of work that took
     * it rolls back.
     *
     * @return the new id
     */
    ReservationId next();
}
