package io.github.kenshinbooking.reservation;

/**
 * 予約ID: a short number unique per union, e.g. 5247 (BOOK-3). Immutable and thread-safe.
 *
 * @param value the id, positive
 */
public record ReservationId(long value) {
    /**
     * Checks the value.
     *
     * @param value the id, positive
     * @throws IllegalArgumentException if the value is not positive
     */
    public ReservationId {
        if (value <= 0) {
            throw new IllegalArgumentException("reservation id must be positive");
        }
    }

    /**
     * The reservation id of that value.
     *
     * @param value the id, positive
     * @return the reservation id
     */
    public static ReservationId of(long value) {
        return new ReservationId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
