package io.github.kenshinbooking.reservation;


/** Port: hands out reservation ids (予約ID), unique per union, never reused. Thread-safe. */
public interface ReservationIds {
    ReservationId next();
}
