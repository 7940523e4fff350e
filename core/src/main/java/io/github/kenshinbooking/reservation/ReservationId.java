package io.github.kenshinbooking.reservation;

/** 予約ID: a short number unique per union, e.g. 5247 (BOOK-3). Immutable and thread-safe. */
public record ReservationId(long value) {
    public ReservationId {
        if (value <= 0) {
            throw new IllegalArgumentException("reservation id must be positive");
        }
    }

    public static ReservationId of(long value) {
        return new ReservationId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
