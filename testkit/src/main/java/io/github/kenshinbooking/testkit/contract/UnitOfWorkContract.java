package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.LoginAttempts;
import io.github.kenshinbooking.account.ResetToken;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.reservation.IdempotencyKey;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link io.github.kenshinbooking.storage.UnitOfWork}: the writes of every port in one
 * unit of work commit together or not at all (MAIL-2: the outbox row with the change it announces).
 *
 * <p>Extend it and implement {@link StorageContractSupport#createStorage()} to return a fresh, empty
 * storage of the adapter. It checks: the writes of every port commit together and the work's
 * result is returned; a refusal or an unchecked exception rolls them all back and is rethrown; a
 * refused store write rolls back what was written before it (SLOT-3); a unit of work sees its own
 * writes; a nested unit of work joins the outer one; the storage works as before after a failure.
 */
public abstract class UnitOfWorkContract extends StorageContractSupport {
    private static final IdempotencyKey KEY = new IdempotencyKey("k-1");

    @Test
    @DisplayName("MAIL-2 the writes of every port commit together and the work's result is returned")
    void commitsTogether() throws Exception {
        Slot s = addSlot(FY2024_DAY, 3);
        Reservation r = newReservation(TARO, s);
        Reservation result = inUnitOfWork(() -> writeEverything(r));

        assertThat(result).isEqualTo(r);
        assertThat(storage.reservations().find(r.id())).contains(r);
        assertThat(slot(s).reserved()).isEqualTo(1);
        assertThat(storage.idempotency().find(HOUSEHOLD, KEY)).contains(r.id());
        assertThat(storage.outbox().pending()).hasSize(1);
        assertThat(storage.accounts().find(HOUSEHOLD)).isPresent();
        assertThat(storage.loginAttempts().find(HOUSEHOLD.value()).consecutiveFailures()).isEqualTo(2);
        assertThat(storage.resetTokens().findForUpdate("h")).isPresent();
    }

    @Test
    @DisplayName("MAIL-2 a refusal rolls back the writes of every port and is rethrown as is")
    void refusalRollsBack() {
        Slot s = addSlot(FY2024_DAY, 3);
        Reservation r = newReservation(TARO, s);
        Refusal refusal = Refusal.of(ErrorCode.SLOT_FULL);

        assertThatThrownBy(() -> inUnitOfWork(() -> {
            writeEverything(r);
            throw refusal;
        })).isSameAs(refusal);
        assertNothingWritten(s, r);
    }

    @Test
    @DisplayName("MAIL-2 an unchecked exception rolls back the writes of every port and is rethrown")
    void exceptionRollsBack() {
        Slot s = addSlot(FY2024_DAY, 3);
        Reservation r = newReservation(TARO, s);
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> inUnitOfWork(() -> {
            writeEverything(r);
            throw boom;
        })).isSameAs(boom);
        assertNothingWritten(s, r);
    }

    @Test
    @DisplayName("SLOT-3 a refused store write rolls back what the unit of work wrote before it")
    void storeRefusalRollsBack() throws Exception {
        Slot s = addSlot(FY2024_DAY, 1);
        book(HANAKO, s);
        Reservation r = newReservation(TARO, s);

        assertThat(codeOf(() -> inUnitOfWork(() -> {
            storage.idempotency().claim(HOUSEHOLD, KEY, r.id());
            storage.outbox().add(Notification.of(NotificationKind.BOOKED, "taro@example.jp", Map.of()), T0);
            storage.reservations().insert(r);
            return null;
        }))).isEqualTo(ErrorCode.SLOT_FULL);
        assertThat(storage.idempotency().find(HOUSEHOLD, KEY)).isEmpty();
        assertThat(storage.outbox().pending()).isEmpty();
        assertThat(slot(s).reserved()).isEqualTo(1);
    }

    @Test
    @DisplayName("a unit of work sees its own writes before it commits")
    void readsOwnWrites() throws Exception {
        Slot s = addSlot(FY2024_DAY, 3);
        Reservation r = newReservation(TARO, s);
        inUnitOfWork(() -> {
            storage.reservations().insert(r);
            assertThat(storage.reservations().findLive(TARO, FiscalYear.of(2024))).contains(r);
            assertThat(storage.slots().find(s.id()).orElseThrow().reserved()).isEqualTo(1);
            return null;
        });
    }

    @Test
    @DisplayName("a nested unit of work joins the outer one: it commits with it and rolls back with it")
    void nestedJoins() throws Exception {
        Slot s = addSlot(FY2024_DAY, 3);
        Reservation kept = newReservation(TARO, s);
        inUnitOfWork(() -> storage.unitOfWork().execute(() -> {
            storage.reservations().insert(kept);
            return null;
        }));
        assertThat(storage.reservations().find(kept.id())).contains(kept);

        Reservation dropped = newReservation(HANAKO, s);
        inFailedUnitOfWork(() -> {
            storage.unitOfWork().execute(() -> {
                storage.reservations().insert(dropped);
                return null;
            });
            // the inner one ended without error, but the outer one fails: nothing may stay
            return null;
        });
        assertThat(storage.reservations().find(dropped.id())).isEmpty();
        assertThat(slot(s).reserved()).isEqualTo(1);
    }

    @Test
    @DisplayName("after a failed unit of work the storage works as before")
    void usableAfterFailure() throws Exception {
        Slot s = addSlot(FY2024_DAY, 1);
        for (int i = 0; i < 3; i++) {
            inFailedUnitOfWork(() -> {
                storage.reservations().insert(newReservation(TARO, s));
                return null;
            });
        }
        Reservation r = book(TARO, s);
        assertThat(storage.reservations().find(r.id())).contains(r);
    }

    private Reservation writeEverything(Reservation r) throws Refusal {
        storage.idempotency().claim(HOUSEHOLD, KEY, r.id());
        storage.outbox().add(Notification.of(NotificationKind.BOOKED, "taro@example.jp", Map.of("k", "v")), T0);
        storage.reservations().insert(r);
        storage.accounts().save(Account.initial(HOUSEHOLD));
        LoginAttempts a = storage.loginAttempts().findForUpdate(HOUSEHOLD.value());
        storage.loginAttempts().save(HOUSEHOLD.value(), new LoginAttempts(a.consecutiveFailures() + 2, Optional.empty()));
        storage.resetTokens().add(new ResetToken("h", HOUSEHOLD, T0, T0.plus(Duration.ofHours(1)), 0, false));
        return r;
    }

    private void assertNothingWritten(Slot s, Reservation r) {
        assertThat(storage.reservations().find(r.id())).isEmpty();
        assertThat(slot(s).reserved()).isZero();
        assertThat(storage.idempotency().find(HOUSEHOLD, KEY)).isEmpty();
        assertThat(storage.outbox().pending()).isEmpty();
        assertThat(storage.accounts().find(HOUSEHOLD)).isEmpty();
        assertThat(storage.loginAttempts().find(HOUSEHOLD.value())).isEqualTo(LoginAttempts.none());
        assertThat(storage.resetTokens().findForUpdate("h")).isEmpty();
    }
}
