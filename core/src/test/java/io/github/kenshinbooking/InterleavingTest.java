package io.github.kenshinbooking;

import static io.github.kenshinbooking.Fixtures.PASSWORD;
import static io.github.kenshinbooking.Fixtures.SYMBOL;
import static io.github.kenshinbooking.Fixtures.TARO;
import static io.github.kenshinbooking.Fixtures.TARO_KANA;
import static io.github.kenshinbooking.Fixtures.VENUE;
import static io.github.kenshinbooking.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.schedule.Slot;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Use cases that meet another request's commit between their reads outside the unit of work (the
 * directory, the password hash, SES-4) and their unit of work. The other request runs from a hook
 * at that point, so the interleaving is exact and needs no threads.
 */
class InterleavingTest {
    private static final LocalDate FEB18 = LocalDate.of(2024, 2, 18);

    private Fixtures f;
    private Hooks.Directory directory;
    private Hooks.Hasher hasher;
    private KenshinBooking engine;

    @BeforeEach
    void setUp() {
        f = new Fixtures();
        directory = new Hooks.Directory(f.directory);
        hasher = new Hooks.Hasher(Pbkdf2PasswordHasher.insecureForTests(1_000));
        engine = KenshinBooking.builder().policy(f.policy).clock(f.clock).storage(f.storage).directory(directory)
                .passwordHasher(hasher).build();
    }

    private static void refused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).code()).isEqualTo(code);
    }

    private HouseholdSession activeSession() throws Refusal {
        HouseholdSession s = engine.logins().login(SYMBOL.value(), TARO_KANA, "kenren19600210").session();
        engine.passwords().changePassword(s, TARO, "kenren19600210", PASSWORD, PASSWORD);
        engine.emails().setEmail(s, TARO, "taro@example.jp", "taro@example.jp");
        return s;
    }

    private long pendingReminders() {
        return f.storage.outbox().pending().stream().filter(e -> e.notification().kind() == NotificationKind.REMINDER)
                .count();
    }

    @Test
    @DisplayName("PW-2 a change whose current password was changed meanwhile is INVALID_CREDENTIALS and keeps the other change")
    void passwordChangedMeanwhile() throws Refusal {
        HouseholdSession s = activeSession();
        HouseholdSession other = engine.logins().login(SYMBOL.value(), TARO_KANA, PASSWORD).session();
        // while this change hashes its new password, the other session changes the password first
        hasher.once(() -> engine.passwords().changePassword(other, TARO, PASSWORD, "other2024x", "other2024x"));

        refused(() -> engine.passwords().changePassword(s, TARO, PASSWORD, "mine2024x", "mine2024x"),
                ErrorCode.INVALID_CREDENTIALS);

        assertThat(engine.logins().login(SYMBOL.value(), TARO_KANA, "other2024x").firstLogin()).isFalse();
        refused(() -> engine.logins().login(SYMBOL.value(), TARO_KANA, "mine2024x"), ErrorCode.INVALID_CREDENTIALS);
    }

    @Test
    @DisplayName("RESET-2 a link redeemed by another request while this one hashes the new password is RESET_TOKEN_INVALID")
    void resetRedeemedMeanwhile() throws Refusal {
        activeSession();
        engine.resets().requestReset("taro@example.jp");
        String token = f.storage.outbox().pending().stream().map(OutboxEntry::notification)
                .filter(n -> n.kind() == NotificationKind.PASSWORD_RESET).findFirst().orElseThrow()
                .get(NotificationData.RESET_TOKEN).orElseThrow();
        hasher.once(() -> engine.resets().resetPassword(token, SYMBOL.value(), TARO_KANA, "other2024x", "other2024x"));

        refused(() -> engine.resets().resetPassword(token, SYMBOL.value(), TARO_KANA, "mine2024x", "mine2024x"),
                ErrorCode.RESET_TOKEN_INVALID);

        assertThat(engine.logins().login(SYMBOL.value(), TARO_KANA, "other2024x").firstLogin()).isFalse();
    }

    @Test
    @DisplayName("AUTH-4 a right password whose check overlaps failures that lock the household is ACCOUNT_LOCKED")
    void lockedMeanwhile() throws Refusal {
        activeSession();
        // while this login verifies its password, two more failures reach the 3rd in a row (with this one)
        hasher.once(() -> {
            for (String wrong : List.of("wrong1x", "wrong2x")) {
                try {
                    engine.logins().login(SYMBOL.value(), TARO_KANA, wrong);
                } catch (Refusal expected) {
                    // INVALID_CREDENTIALS, then ACCOUNT_LOCKED
                }
            }
        });

        refused(() -> engine.logins().login(SYMBOL.value(), TARO_KANA, PASSWORD), ErrorCode.ACCOUNT_LOCKED);
        refused(() -> engine.logins().login(SYMBOL.value(), TARO_KANA, PASSWORD), ErrorCode.ACCOUNT_LOCKED);
    }

    @Test
    @DisplayName("MAIL-3 a reservation cancelled while the reminder job reads the member records gets no reminder")
    void cancelledDuringReminders() throws Refusal {
        Slot slot = f.slot(FEB18, LocalTime.of(9, 0), 10);
        HouseholdSession s = activeSession();
        Reservation r = engine.bookings().book(s, request(TARO, slot));
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 17, 0, 0)));
        // the cancel deadline has passed: union staff cancel it
        directory.onFind = () -> {
            directory.onFind = () -> { };
            engine.staff().cancel(new StaffId("clerk-1"), "体調不良", r.id());
        };

        assertThat(engine.reminders().run()).isZero();
        assertThat(pendingReminders()).isZero();
    }

    @Test
    @DisplayName("MAIL-3 a reservation moved to another day while the reminder job runs gets no reminder for the old day")
    void movedDuringReminders() throws Refusal {
        Slot slot = f.slot(FEB18, LocalTime.of(9, 0), 10);
        Slot later = f.slot(LocalDate.of(2024, 3, 10), LocalTime.of(9, 0), 10);
        HouseholdSession s = activeSession();
        Reservation r = engine.bookings().book(s, request(TARO, slot));
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 17, 0, 0)));
        directory.onFind = () -> {
            directory.onFind = () -> { };
            engine.staff().change(new StaffId("clerk-1"), "電話依頼", r.id(),
                    later.id(), null);
        };

        assertThat(engine.reminders().run()).isZero();
        assertThat(pendingReminders()).isZero();
    }

    @Test
    @DisplayName("MAIL-3 the job counts the reminders it recorded: a household without e-mail gets none")
    void reminderNeedsAddress() throws Refusal {
        Slot slot = f.slot(FEB18, LocalTime.of(9, 0), 10);
        engine.bookings().book(activeSession(), request(TARO, slot));
        engine.bookings().book(f.otherSession(), request(Fixtures.UME, slot));
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 17, 0, 0)));

        assertThat(engine.reminders().run()).isEqualTo(1);
        assertThat(pendingReminders()).isEqualTo(1);
    }

    @Test
    @DisplayName("SLOT-6 an event day is cancelled in full even while new bookings keep outrunning the member records")
    void eventDayWhileBookingsArrive() throws Refusal {
        Slot slot = f.slot(FEB18, LocalTime.of(9, 0), 10);
        Reservation taro = engine.bookings().book(activeSession(), request(TARO, slot));
        AtomicInteger n = new AtomicInteger();
        // every read of the member records lets another household book the slot (records not kept here)
        directory.onFind = () -> {
            int i = n.incrementAndGet();
            SymbolNumber household = SymbolNumber.of("170000" + i);
            f.storage.reservations().insert(Reservation.booked(f.storage.reservationIds().next(), household,
                    MemberId.of(household.value() + "-01"), slot.id(), slot.fiscalYear(),
                    new PhoneNumber("09012345678"), f.policy.termsVersion(), f.clock.instant(), f.clock.instant(),
                    f.clock.instant()));
        };

        List<Reservation> cancelled = engine.staff().cancelEventDay(VENUE, FEB18);
        directory.onFind = () -> { };

        assertThat(f.storage.reservations().findLiveBySlot(slot.id())).isEmpty();
        assertThat(cancelled).extracting(Reservation::id).contains(taro.id()).doesNotHaveDuplicates();
        assertThat(n.get()).isPositive();
        assertThat(cancelled).hasSize(1 + n.get()); // Taro's and every one booked meanwhile
        assertThat(f.storage.slots().find(slot.id()).orElseThrow().remaining()).isEqualTo(10);
    }

    @Test
    @DisplayName("FORBIDDEN for a household whose member records were removed after it logged in")
    void householdNoLongerOnRecord() throws Refusal {
        Slot slot = f.slot(FEB18, LocalTime.of(9, 0), 10);
        HouseholdSession s = activeSession();
        directory.hidden.add(SYMBOL);

        refused(() -> engine.bookings().book(s, request(TARO, slot)), ErrorCode.FORBIDDEN);
        refused(() -> engine.emails().setEmail(s, TARO, "new@example.jp", "new@example.jp"), ErrorCode.FORBIDDEN);
    }
}
