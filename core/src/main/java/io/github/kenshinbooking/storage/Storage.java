package io.github.kenshinbooking.storage;

import io.github.kenshinbooking.account.AccountStore;
import io.github.kenshinbooking.account.LoginAttemptStore;
import io.github.kenshinbooking.account.ResetTokenStore;
import io.github.kenshinbooking.notification.NotificationOutbox;
import io.github.kenshinbooking.reservation.IdempotencyStore;
import io.github.kenshinbooking.reservation.ReservationIds;
import io.github.kenshinbooking.reservation.ReservationStore;
import io.github.kenshinbooking.schedule.SlotStore;

/**
 * The library's own data, as one adapter provides it: every persistence port plus the unit of work
 * that makes their writes atomic together. Implemented by the in-memory adapter and the JDBC adapter.
 */
public interface Storage {
    UnitOfWork unitOfWork();

    SlotStore slots();

    ReservationStore reservations();

    ReservationIds reservationIds();

    IdempotencyStore idempotency();

    NotificationOutbox outbox();

    AccountStore accounts();

    LoginAttemptStore loginAttempts();

    ResetTokenStore resetTokens();
}
