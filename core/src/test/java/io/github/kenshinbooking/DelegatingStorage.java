package io.github.kenshinbooking;

import io.github.kenshinbooking.account.AccountStore;
import io.github.kenshinbooking.account.LoginAttemptStore;
import io.github.kenshinbooking.account.ResetTokenStore;
import io.github.kenshinbooking.account.SessionStore;
import io.github.kenshinbooking.notification.NotificationOutbox;
import io.github.kenshinbooking.reservation.IdempotencyStore;
import io.github.kenshinbooking.reservation.ReservationIds;
import io.github.kenshinbooking.reservation.ReservationStore;
import io.github.kenshinbooking.schedule.SlotStore;
import io.github.kenshinbooking.storage.Storage;
import io.github.kenshinbooking.storage.UnitOfWork;

/**
 * A storage that hands every port of another one out, and the composite operations as the port's defaults
 * compose them: tests override what they falsify.
 */
class DelegatingStorage implements Storage {
    final Storage d;

    DelegatingStorage(Storage delegate) {
        this.d = delegate;
    }

    @Override
    public UnitOfWork unitOfWork() {
        return d.unitOfWork();
    }

    @Override
    public SlotStore slots() {
        return d.slots();
    }

    @Override
    public ReservationStore reservations() {
        return d.reservations();
    }

    @Override
    public io.github.kenshinbooking.reservation.WaitingListStore waitingList() {
        return d.waitingList();
    }

    @Override
    public ReservationIds reservationIds() {
        return d.reservationIds();
    }

    @Override
    public IdempotencyStore idempotency() {
        return d.idempotency();
    }

    @Override
    public NotificationOutbox outbox() {
        return d.outbox();
    }

    @Override
    public AccountStore accounts() {
        return d.accounts();
    }

    @Override
    public LoginAttemptStore loginAttempts() {
        return d.loginAttempts();
    }

    @Override
    public ResetTokenStore resetTokens() {
        return d.resetTokens();
    }

    @Override
    public SessionStore sessions() {
        return d.sessions();
    }

    @Override
    public io.github.kenshinbooking.audit.AuditLog audit() {
        return d.audit();
    }

    @Override
    public io.github.kenshinbooking.staff.StaffAccountStore staffAccounts() {
        return d.staffAccounts();
    }

    @Override
    public io.github.kenshinbooking.storage.RetentionStore retention() {
        return d.retention();
    }
}
