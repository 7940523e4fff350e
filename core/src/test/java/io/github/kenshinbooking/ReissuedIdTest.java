package io.github.kenshinbooking;

import static io.github.kenshinbooking.Fixtures.HANAKO;
import static io.github.kenshinbooking.Fixtures.TARO;
import static io.github.kenshinbooking.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditEntry;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.error.InfrastructureException;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.reservation.DuplicateReservationIdException;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.ReservationIds;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.reservation.ReceptionClosing;
import io.github.kenshinbooking.schedule.Slot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * BOOK-3 an id source that hands out an id again (a database sequence set back by a fail-over): the
 * store refuses the id ({@link DuplicateReservationIdException}, nothing written) and the engine writes
 * the whole booking again, mail and audit record included, with the next id, a bounded number of times.
 */
class ReissuedIdTest {
    private static final AuditQuery ALL = AuditQuery.period(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    private Fixtures f;
    private Reissuing ids;
    private KenshinBooking engine;
    private HouseholdSession session;
    private Slot slot;

    @BeforeEach
    void setUp() {
        f = new Fixtures();
        ids = new Reissuing(f.storage.reservationIds());
        DelegatingStorage storage = new DelegatingStorage(f.storage) {
            @Override
            public ReservationIds reservationIds() {
                return ids;
            }
        };
        engine = KenshinBooking.builder().policy(f.policy).clock(f.clock).storage(storage).directory(f.directory)
                .passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1_000)).build();
        session = f.activeSession();
        slot = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), 10);
    }

    @Test
    @DisplayName("BOOK-3 an id handed out again is refused by the store; the booking is written once with a new id")
    void reissuedIdBooksWithNext() throws Refusal {
        Reservation first = engine.bookings().book(session, request(TARO, slot));
        ids.again.add(first.id());

        Reservation second = engine.bookings().book(session, request(HANAKO, slot).withIdempotencyKey("k-1"));

        assertThat(ids.handedOut).hasValue(3);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(f.storage.reservations().findByMember(HANAKO)).containsExactly(second);
        assertThat(f.storage.reservations().find(first.id())).hasValueSatisfying(r -> assertThat(r.member())
                .isEqualTo(TARO));
        assertThat(f.storage.slots().find(slot.id()).orElseThrow().reserved()).isEqualTo(2);
        assertThat(f.storage.idempotency().find(session.household(), new io.github.kenshinbooking.reservation
                .IdempotencyKey("k-1"))).contains(second.id());
        assertThat(bookedMailIds()).containsExactly(first.id().value() + "", second.id().value() + "");
        assertThat(bookedAuditTargets()).containsExactly(first.id().value() + "", second.id().value() + "");
    }

    @Test
    @DisplayName("BOOK-3 STAFF-2 a staff booking on a member's behalf meets an id handed out again the same way")
    void staffBookingToo() throws Refusal {
        Reservation first = engine.bookings().book(session, request(TARO, slot));
        ids.again.add(first.id());

        Reservation second = engine.staff().book(new StaffId("staff-1"), "電話予約", request(HANAKO, slot),
                ReceptionClosing.ENFORCED);

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(f.storage.reservations().findByMember(HANAKO)).containsExactly(second);
        assertThat(bookedMailIds()).containsExactly(first.id().value() + "", second.id().value() + "");
        assertThat(bookedAuditTargets()).containsExactly(first.id().value() + "", second.id().value() + "");
    }

    @Test
    @DisplayName("BOOK-3 an id source that keeps handing out held ids fails the booking after a bounded number of writes, having written nothing")
    void boundedAttempts() throws Refusal {
        Reservation first = engine.bookings().book(session, request(TARO, slot));
        ids.always = first.id();
        int before = ids.handedOut.get();

        assertThatThrownBy(() -> engine.bookings().book(session, request(HANAKO, slot)))
                .isInstanceOf(InfrastructureException.class).isNotInstanceOf(DuplicateReservationIdException.class)
                .hasCauseInstanceOf(DuplicateReservationIdException.class);

        assertThat(ids.handedOut.get() - before).isEqualTo(BookingService.ID_ATTEMPTS);
        assertThat(f.storage.reservations().findByMember(HANAKO)).isEmpty();
        assertThat(f.storage.slots().find(slot.id()).orElseThrow().reserved()).isEqualTo(1);
        assertThat(bookedMailIds()).containsExactly(first.id().value() + "");
        assertThat(bookedAuditTargets()).containsExactly(first.id().value() + "");
    }

    private List<String> bookedMailIds() {
        return f.storage.outbox().pending().stream().map(OutboxEntry::notification)
                .filter(n -> n.kind() == NotificationKind.BOOKED)
                .map(n -> n.get(NotificationData.RESERVATION_ID).orElseThrow()).toList();
    }

    private List<String> bookedAuditTargets() {
        List<AuditEntry> all = new ArrayList<>();
        f.storage.audit().forEach(ALL, all::add);
        return all.stream().map(AuditEntry::record).filter(r -> r.action() == AuditAction.BOOKED)
                .map(r -> r.target().id()).toList();
    }

    /** Ids from another source, but first those queued in {@code again}, or always {@code always}. */
    private static final class Reissuing implements ReservationIds {
        private final ReservationIds fresh;
        final List<ReservationId> again = new ArrayList<>();
        volatile ReservationId always;
        final AtomicInteger handedOut = new AtomicInteger();

        Reissuing(ReservationIds fresh) {
            this.fresh = fresh;
        }

        @Override
        public synchronized ReservationId next() {
            handedOut.incrementAndGet();
            if (always != null) {
                return always;
            }
            return again.isEmpty() ? fresh.next() : again.remove(0);
        }
    }
}
