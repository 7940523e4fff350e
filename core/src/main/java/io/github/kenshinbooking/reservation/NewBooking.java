package io.github.kenshinbooking.reservation;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.reservation.IdempotencyKey;
import io.github.kenshinbooking.reservation.Reservation;
import java.time.Instant;
import java.util.Optional;

/**
 * Everything one booking (予約登録) writes, as {@link io.github.kenshinbooking.storage.Storage#book}
 * takes it: the new live reservation, the notification it records in the outbox (MAIL-2; empty for
 * a household without e-mail) and the idempotency key it claims (BOOK-4). Immutable and thread-safe.
 *
 * @param reservation  the new live reservation
 * @param notification the notification to record, empty for a household without e-mail
 * @param at           when the notification is recorded (and due)
 * @param key          the idempotency key to claim, if any
 */
public record NewBooking(Reservation reservation, Optional<Notification> notification, Instant at,
        Optional<IdempotencyKey> key) {
    /**
     * Checks the components.
     *
     * @param reservation the new live reservation
     * @param notification the notification to record, empty for a household without e-mail
     * @param at when the notification is recorded (and due)
     * @param key the idempotency key to claim, if any
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if the reservation is not live
     */
    public NewBooking {
        requireNonNull(reservation, "reservation");
        requireNonNull(notification, "notification");
        requireNonNull(at, "at");
        requireNonNull(key, "key");
        if (!reservation.live()) {
            throw new IllegalArgumentException("a new booking is a live reservation");
        }
    }
}
