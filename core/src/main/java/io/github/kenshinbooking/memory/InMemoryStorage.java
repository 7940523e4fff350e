package io.github.kenshinbooking.memory;

import io.github.kenshinbooking.account.AccountStore;
import io.github.kenshinbooking.account.LoginAttemptStore;
import io.github.kenshinbooking.account.ResetTokenStore;
import io.github.kenshinbooking.account.SessionStore;
import io.github.kenshinbooking.audit.AuditLog;
import io.github.kenshinbooking.notification.NotificationOutbox;
import io.github.kenshinbooking.reservation.IdempotencyStore;
import io.github.kenshinbooking.reservation.ReservationIds;
import io.github.kenshinbooking.reservation.ReservationStore;
import io.github.kenshinbooking.reservation.WaitingListStore;
import io.github.kenshinbooking.schedule.SlotStore;
import io.github.kenshinbooking.staff.StaffAccountStore;
import io.github.kenshinbooking.storage.RetentionStore;
import io.github.kenshinbooking.storage.Storage;
import io.github.kenshinbooking.storage.UnitOfWork;

/**
 * Every persistence port in memory, for tests, demos and single-process use. One lock serializes
 * all access, and a unit of work holds it throughout and undoes its writes if it fails, so it has
 * the same invariants (capacity, ONE-1, unique keys) and atomicity as the JDBC adapter. Nothing
 * survives the process. Thread-safe.
 */
public final class InMemoryStorage implements Storage {
    private final MemoryTransactions tx = new MemoryTransactions();
    private final MemorySlotStore slots = new MemorySlotStore(tx);
    private final MemoryReservationStore reservations = new MemoryReservationStore(tx, slots);
    private final MemoryWaitingListStore waitingList = new MemoryWaitingListStore(tx, slots);
    private final MemoryReservationIds reservationIds = new MemoryReservationIds();
    private final MemoryIdempotencyStore idempotency = new MemoryIdempotencyStore(tx);
    private final MemoryOutbox outbox = new MemoryOutbox(tx);
    private final MemoryAccountStore accounts = new MemoryAccountStore(tx);
    private final MemoryLoginAttemptStore loginAttempts = new MemoryLoginAttemptStore(tx);
    private final MemoryResetTokenStore resetTokens = new MemoryResetTokenStore(tx);
    private final MemorySessionStore sessions = new MemorySessionStore(tx);
    private final MemoryAuditLog audit = new MemoryAuditLog(tx);
    private final MemoryStaffAccountStore staffAccounts = new MemoryStaffAccountStore(tx);
    private final MemoryRetentionStore retention = new MemoryRetentionStore(tx, reservations, idempotency, accounts,
            waitingList, audit, outbox);

    /** Empty storage: no slots, reservations, accounts, mails or audit records. */
    public InMemoryStorage() {
    }

    @Override
    public UnitOfWork unitOfWork() {
        return tx;
    }

    @Override
    public SlotStore slots() {
        return slots;
    }

    @Override
    public ReservationStore reservations() {
        return reservations;
    }

    @Override
    public WaitingListStore waitingList() {
        return waitingList;
    }

    @Override
    public ReservationIds reservationIds() {
        return reservationIds;
    }

    @Override
    public IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    public NotificationOutbox outbox() {
        return outbox;
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public LoginAttemptStore loginAttempts() {
        return loginAttempts;
    }

    @Override
    public ResetTokenStore resetTokens() {
        return resetTokens;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public AuditLog audit() {
        return audit;
    }

    @Override
    public StaffAccountStore staffAccounts() {
        return staffAccounts;
    }

    @Override
    public RetentionStore retention() {
        return retention;
    }
}
