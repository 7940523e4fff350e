package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditChannel;
import io.github.kenshinbooking.audit.AuditEntry;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.reservation.DuplicateReservationIdException;
import io.github.kenshinbooking.reservation.IdempotencyKey;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.reservation.BookingSnapshot;
import io.github.kenshinbooking.reservation.NewBooking;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of the booking's composite operations, {@link io.github.kenshinbooking.storage.Storage#bookingSnapshot}
 * and {@link io.github.kenshinbooking.storage.Storage#book}: whatever an adapter overrides them with
 * must read what the fine-grained ports read and write all or nothing, with the same refusals, also
 * under concurrent calls.
 *
 * <p>Extend it and implement {@link StorageContractSupport#createStorage()} to return a fresh, empty
 * storage of the adapter. It checks: the snapshot holds the account, the slot, only the member's
 * live reservation of the slot's fiscal year (年度) and the reservation of the household's own key
 * (BOOK-2, BOOK-4); {@code book} takes the place, stores the reservation, records its notification
 * and claims the key (MAIL-2), and refuses with {@code SLOT_FULL}, {@code EVENT_CANCELLED} or
 * {@code ALREADY_RESERVED_THIS_FISCAL_YEAR} writing nothing; a used key answers {@code false}; inside
 * a failing unit of work it leaves nothing; 16 concurrent bookings of 5 places book exactly 5 with 5
 * mails, and 8 concurrent bookings with one key make one reservation and one mail; an id a stored
 * reservation holds fails with {@code DuplicateReservationIdException}, writing nothing (BOOK-3).
 */
public abstract class BookingStorageContract extends StorageContractSupport {
    private static final IdempotencyKey KEY = key("contract-key-1");

    private static IdempotencyKey key(String raw) {
        try {
            return IdempotencyKey.parse(raw);
        } catch (Refusal e) {
            throw new AssertionError(e);
        }
    }

    private static Optional<Notification> mail(String to, Reservation r) {
        return Optional.of(Notification.of(NotificationKind.BOOKED, to, Map.of("reservationId", r.id().toString())));
    }

    private boolean write(Reservation r, Optional<Notification> n, Optional<IdempotencyKey> key) throws Refusal {
        return storage.book(new NewBooking(r, n, T0, key));
    }

    private List<Notification> pending() {
        return storage.outbox().pending().stream().map(OutboxEntry::notification).toList();
    }

    @Test
    @DisplayName("BOOK-2 the snapshot of an unknown household and slot is empty")
    void snapshotOfNothing() {
        BookingSnapshot s = storage.bookingSnapshot(HOUSEHOLD, TARO, SlotId.of(987_654), Optional.of(KEY));
        assertThat(s).isEqualTo(new BookingSnapshot(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
    }

    @Test
    @DisplayName("BOOK-2 the snapshot holds the account, the slot, and only the live reservation of the slot's fiscal year (ONE-1)")
    void snapshotReadsWhatTheDecisionNeeds() throws Exception {
        Account account = new Account(HOUSEHOLD, Optional.of(new PasswordHash("pbkdf2-sha256$1000$c2FsdA$aGFzaA")),
                Optional.of(EmailAddress.parse("taro@example.jp")));
        storage.accounts().save(account);
        Slot s2024 = addSlot(FY2024_DAY, 5);
        Slot s2025 = addSlot(FY2025_DAY, 5);
        Reservation cancelled = book(TARO, s2024);
        inUnitOfWork(() -> {
            storage.reservations().cancel(cancelled, cancelled.cancelled(T0, Optional.empty()));
            return null;
        });
        Reservation in2025 = book(TARO, s2025);
        book(HANAKO, s2024);

        BookingSnapshot for2024 = storage.bookingSnapshot(HOUSEHOLD, TARO, s2024.id(), Optional.empty());
        assertThat(for2024.account()).contains(account);
        assertThat(for2024.slot()).contains(slot(s2024));
        assertThat(for2024.liveInSlotYear()).isEmpty();
        assertThat(for2024.repeat()).isEmpty();

        BookingSnapshot for2025 = storage.bookingSnapshot(HOUSEHOLD, TARO, s2025.id(), Optional.empty());
        assertThat(for2025.slot()).contains(slot(s2025));
        assertThat(for2025.liveInSlotYear()).contains(in2025);
        assertThat(storage.bookingSnapshot(HOUSEHOLD, JIRO, s2025.id(), Optional.empty()).liveInSlotYear()).isEmpty();
    }

    @Test
    @DisplayName("BOOK-4 the snapshot holds the reservation the household's key produced; another household's key is not its")
    void snapshotRepeat() throws Exception {
        Slot s = addSlot(FY2024_DAY, 5);
        Reservation r = newReservation(TARO, s);
        assertThat(write(r, Optional.empty(), Optional.of(KEY))).isTrue();

        assertThat(storage.bookingSnapshot(HOUSEHOLD, TARO, s.id(), Optional.of(KEY)).repeat()).contains(r);
        assertThat(storage.bookingSnapshot(HOUSEHOLD, TARO, s.id(), Optional.empty()).repeat()).isEmpty();
        assertThat(storage.bookingSnapshot(OTHER_HOUSEHOLD, JIRO, s.id(), Optional.of(KEY)).repeat()).isEmpty();
        assertThat(storage.bookingSnapshot(HOUSEHOLD, TARO, s.id(), Optional.of(key("other")))
                .repeat()).isEmpty();
    }

    @Test
    @DisplayName("MAIL-2 book takes the place, stores the reservation, records its notification and claims the key")
    void bookWritesEverything() throws Exception {
        Slot s = addSlot(FY2024_DAY, 2);
        Reservation r = newReservation(TARO, s);
        Optional<Notification> n = mail("taro@example.jp", r);

        assertThat(write(r, n, Optional.of(KEY))).isTrue();

        assertThat(slot(s).reserved()).isEqualTo(1);
        assertThat(storage.reservations().find(r.id())).contains(r);
        assertThat(pending()).containsExactly(n.get());
        assertThat(storage.idempotency().find(HOUSEHOLD, KEY)).contains(r.id());
    }

    @Test
    @DisplayName("MAIL-1 book without an address and without a key writes the reservation only")
    void bookWithoutMailOrKey() throws Exception {
        Slot s = addSlot(FY2024_DAY, 2);
        Reservation r = newReservation(TARO, s);

        assertThat(write(r, Optional.empty(), Optional.empty())).isTrue();

        assertThat(slot(s).reserved()).isEqualTo(1);
        assertThat(storage.reservations().find(r.id())).contains(r);
        assertThat(pending()).isEmpty();
    }

    @Test
    @DisplayName("SLOT-3 book into a full slot answers SLOT_FULL and writes nothing: no row, no mail, no key")
    void bookFull() throws Exception {
        Slot s = addSlot(FY2024_DAY, 1);
        book(HANAKO, s);
        Reservation r = newReservation(TARO, s);

        assertRefusedLeavingNothing(r, s, 1, ErrorCode.SLOT_FULL);
    }

    @Test
    @DisplayName("SLOT-6 book into a cancelled event day answers EVENT_CANCELLED and writes nothing")
    void bookCancelledDay() {
        Slot s = addSlot(FY2024_DAY, 5);
        storage.slots().cancelEventDay(MIRIKA, FY2024_DAY);
        Reservation r = newReservation(TARO, s);

        assertRefusedLeavingNothing(r, s, 0, ErrorCode.EVENT_CANCELLED);
    }

    @Test
    @DisplayName("ONE-1 book of a member with a live reservation that fiscal year answers ALREADY_RESERVED and writes nothing")
    void bookSecondInFiscalYear() throws Exception {
        Slot first = addSlot(FY2024_DAY, 5);
        Slot s = storage.slots().add(spec(HALL, FY2024_DAY.plusDays(1), java.time.LocalTime.of(10, 0), 5));
        book(TARO, first);
        Reservation r = newReservation(TARO, s);

        assertRefusedLeavingNothing(r, s, 0, ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
    }

    @Test
    @DisplayName("BOOK-4 book with a key the household already used answers false and writes nothing")
    void bookKeyTaken() throws Exception {
        Slot s = addSlot(FY2024_DAY, 5);
        Reservation first = newReservation(TARO, s);
        assertThat(write(first, Optional.empty(), Optional.of(KEY))).isTrue();
        Reservation second = newReservation(HANAKO, s);

        assertThat(write(second, mail("taro@example.jp", second), Optional.of(KEY))).isFalse();

        assertThat(slot(s).reserved()).isEqualTo(1);
        assertThat(storage.reservations().find(second.id())).isEmpty();
        assertThat(pending()).isEmpty();
        assertThat(storage.idempotency().find(HOUSEHOLD, KEY)).contains(first.id());
    }

    @Test
    @DisplayName("book inside a unit of work that then fails leaves nothing behind")
    void bookRolledBack() {
        Slot s = addSlot(FY2024_DAY, 5);
        Reservation r = newReservation(TARO, s);

        inFailedUnitOfWork(() -> write(r, mail("taro@example.jp", r), Optional.of(KEY)));

        assertNothingWritten(r, s, 0);
    }

    @Test
    @DisplayName("SLOT-3 MAIL-2 16 concurrent bookings of 5 places: exactly 5 booked, 5 mails, the rest SLOT_FULL")
    void concurrentBookings() throws Exception {
        Slot s = addSlot(FY2024_DAY, 5);
        List<Callable<ErrorCode>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Reservation r = newReservation(MemberId.of("1999999-" + (10 + i)), s);
            tasks.add(() -> codeOf(() -> write(r, mail("taro@example.jp", r), Optional.empty())));
        }

        List<ErrorCode> codes = concurrently(tasks);

        assertThat(codes.stream().filter(c -> c == null).count()).isEqualTo(5);
        assertThat(codes.stream().filter(c -> c == ErrorCode.SLOT_FULL).count()).isEqualTo(11);
        assertThat(slot(s).reserved()).isEqualTo(5);
        assertThat(storage.reservations().findLiveBySlot(s.id())).hasSize(5);
        assertThat(pending()).hasSize(5);
    }

    @Test
    @DisplayName("BOOK-4 8 concurrent bookings with one key: one reservation, one mail; the others answer false or a refusal")
    void concurrentSameKey() throws Exception {
        Slot s = addSlot(FY2024_DAY, 5);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Reservation r = newReservation(TARO, s);
            tasks.add(() -> {
                try {
                    return write(r, mail("taro@example.jp", r), Optional.of(KEY)) ? "booked" : "key taken";
                } catch (Refusal e) {
                    return e.code().name();
                }
            });
        }

        List<String> outcomes = concurrently(tasks);

        assertThat(outcomes).containsOnlyOnce("booked");
        assertThat(outcomes).allMatch(o -> List.of("booked", "key taken", "ALREADY_RESERVED_THIS_FISCAL_YEAR")
                .contains(o));
        assertThat(storage.reservations().findByMember(TARO)).hasSize(1);
        assertThat(storage.idempotency().find(HOUSEHOLD, KEY))
                .contains(storage.reservations().findByMember(TARO).get(0).id());
        assertThat(slot(s).reserved()).isEqualTo(1);
        assertThat(pending()).hasSize(1);
    }

    /** Books with mail and key, expects the refusal, and that it wrote nothing. */
    private void assertRefusedLeavingNothing(Reservation r, Slot s, int reservedBefore, ErrorCode expected) {
        assertThat(codeOf(() -> write(r, mail("taro@example.jp", r), Optional.of(KEY)))).isEqualTo(expected);
        assertNothingWritten(r, s, reservedBefore);
    }

    private void assertNothingWritten(Reservation r, Slot s, int reservedBefore) {
        assertThat(slot(s).reserved()).isEqualTo(reservedBefore);
        assertThat(storage.reservations().find(r.id())).isEmpty();
        assertThat(pending()).isEmpty();
        assertThat(storage.idempotency().find(HOUSEHOLD, KEY)).isEmpty();
    }

    @Test
    @DisplayName("BOOK-3 AUDIT-1 book with an id a stored reservation holds (an id handed out again) fails with DuplicateReservationIdException and writes nothing")
    void heldIdWritesNothing() throws Exception {
        Slot s = addSlot(FY2024_DAY, 5);
        Reservation first = book(TARO, s);
        Reservation sameId = withIdOf(first, HANAKO, s);
        IdempotencyKey key = key("contract-held-id");
        AuditRecord audit = AuditRecord.of(T0, AuditActor.household(HOUSEHOLD, HANAKO), AuditChannel.WEB,
                AuditAction.BOOKED, AuditTarget.reservation(sameId.id()), "", "booked");

        assertThatThrownBy(() -> storage.book(new NewBooking(sameId, mail("hanako@example.jp", sameId), T0,
                Optional.of(key)), audit)).isInstanceOf(DuplicateReservationIdException.class)
                .satisfies(e -> assertThat(((DuplicateReservationIdException) e).id()).isEqualTo(first.id()));

        assertThat(slot(s).reserved()).isEqualTo(1);
        assertThat(storage.reservations().find(first.id())).contains(first);
        assertThat(storage.reservations().findByMember(HANAKO)).isEmpty();
        assertThat(storage.idempotency().find(HOUSEHOLD, key)).isEmpty();
        assertThat(pending()).isEmpty();
        List<AuditEntry> records = new ArrayList<>();
        storage.audit().forEach(AuditQuery.period(T0.minusSeconds(1), T0.plusSeconds(1)), records::add);
        assertThat(records).isEmpty();

        Reservation fresh = newReservation(HANAKO, s);
        assertThat(storage.book(new NewBooking(fresh, mail("hanako@example.jp", fresh), T0, Optional.of(key)), audit))
                .isTrue();
        assertThat(storage.reservations().findByMember(HANAKO)).containsExactly(fresh);
        assertThat(slot(s).reserved()).isEqualTo(2);
        assertThat(pending()).hasSize(1);
    }
}
