package io.github.kenshinbooking;

import static io.github.kenshinbooking.Fixtures.HANAKO;
import static io.github.kenshinbooking.Fixtures.JIRO;
import static io.github.kenshinbooking.Fixtures.TARO;
import static io.github.kenshinbooking.Fixtures.UME;
import static io.github.kenshinbooking.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditChannel;
import io.github.kenshinbooking.audit.AuditEntry;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.ReceptionClosing;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotEdit;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.SlotStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** STAFF-2, STAFF-3, STAFF-4 through the engine on the in-memory adapter. */
class StaffServiceTest {
    private static final StaffId CLERK = new StaffId("clerk-7");

    private Fixtures f;
    private StaffService staff;
    private Slot feb18;
    private Slot feb25;

    @BeforeEach
    void setUp() {
        f = new Fixtures();
        staff = f.engine.staff();
        feb18 = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), 10);
        feb25 = f.slot(LocalDate.of(2024, 2, 25), LocalTime.of(9, 0), 2);
    }

    private static Refusal refused(ThrowingCallable call, ErrorCode code) {
        Refusal[] out = new Refusal[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.code()).isEqualTo(code);
            out[0] = r;
        });
        return out[0];
    }

    private int remaining(Slot s) throws Refusal {
        return f.engine.calendar().remaining(s.id());
    }

    private List<AuditEntry> audit(AuditAction action) {
        List<AuditEntry> out = new ArrayList<>();
        f.storage.audit().forEach(AuditQuery.period(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
                .byAction(action), out::add);
        return out;
    }

    private void at(int month, int day) {
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, month, day, 0, 0)));
    }

    // ---- undelivered mails -------------------------------------------------------------------

    @Test
    @DisplayName("STAFF-4 staff have an undelivered mail sent again now, audited with the reason; a sent or unknown one is NOT_FOUND")
    void retryNotification() throws Refusal {
        f.activeSession();
        staff.book(CLERK, "電話予約", request(TARO, feb18), ReceptionClosing.ENFORCED);
        OutboxEntry mail = f.storage.outbox().pending().get(f.storage.outbox().pending().size() - 1);
        Instant now = f.clock.instant();
        f.storage.outbox().markFailed(mail.id(), now.plus(java.time.Duration.ofHours(8)), "550 mailbox full");

        staff.retryNotification(CLERK, "世帯から受信箱を空けたと連絡", mail.id());

        OutboxEntry due = f.storage.outbox().find(mail.id()).orElseThrow();
        assertThat(due.nextAttemptAt()).isEqualTo(now);
        assertThat(due.attempts()).isEqualTo(1);
        List<AuditEntry> retried = audit(AuditAction.MAIL_RETRIED);
        assertThat(retried).hasSize(1);
        assertThat(retried.get(0).record().target()).isEqualTo(AuditTarget.notification(mail.id()));
        assertThat(retried.get(0).record().actor()).isEqualTo(AuditActor.staff(CLERK));
        assertThat(retried.get(0).record().reason()).contains("世帯から受信箱を空けたと連絡");
        assertThat(retried.get(0).record().before()).contains("attempts=1");

        refused(() -> staff.retryNotification(CLERK, " ", mail.id()), ErrorCode.INVALID_INPUT);
        f.storage.outbox().markSent(mail.id(), now);
        refused(() -> staff.retryNotification(CLERK, "再送", mail.id()), ErrorCode.NOT_FOUND);
        refused(() -> staff.retryNotification(CLERK, "再送", 999_999L), ErrorCode.NOT_FOUND);
        assertThat(audit(AuditAction.MAIL_RETRIED)).hasSize(1);
    }

    // ---- STAFF-2 -------------------------------------------------------------------------------

    @Test
    @DisplayName("STAFF-2 staff book for a member of a household still in first login (no session), recorded with the staff action")
    void bookOnBehalf() throws Refusal {
        Reservation r = staff.book(CLERK, "電話予約", request(UME, feb18), ReceptionClosing.ENFORCED);

        assertThat(r.live()).isTrue();
        assertThat(r.household()).isEqualTo(Fixtures.OTHER_SYMBOL);
        assertThat(r.staffAction()).hasValueSatisfying(a -> {
            assertThat(a.staff()).isEqualTo(CLERK);
            assertThat(a.reason()).isEqualTo("電話予約");
        });
        assertThat(remaining(feb18)).isEqualTo(9);
        assertThat(f.storage.reservations().find(r.id())).contains(r);
        List<AuditEntry> booked = audit(AuditAction.BOOKED);
        assertThat(booked).hasSize(1);
        assertThat(booked.get(0).record().actor()).isEqualTo(AuditActor.staff(CLERK));
        assertThat(booked.get(0).record().channel()).isEqualTo(AuditChannel.PHONE);
        assertThat(booked.get(0).record().target()).isEqualTo(AuditTarget.reservation(r.id()));
        assertThat(booked.get(0).record().reason()).contains("電話予約");
    }

    @Test
    @DisplayName("STAFF-2 a household with e-mail gets the booking mail of a staff booking too")
    void bookOnBehalfMails() throws Refusal {
        f.activeSession();
        long before = f.outboxCount(NotificationKind.BOOKED);
        staff.book(CLERK, "電話予約", request(TARO, feb18), ReceptionClosing.ENFORCED);
        assertThat(f.outboxCount(NotificationKind.BOOKED)).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("STAFF-2 staff may override the booking deadline; without the override it holds (BOOKING_CLOSED)")
    void bookPastClosing() throws Refusal {
        at(2, 10); // feb18 closed on 2024-02-05 00:00
        refused(() -> staff.book(CLERK, "電話", request(TARO, feb18), ReceptionClosing.ENFORCED),
                ErrorCode.BOOKING_CLOSED);
        assertThat(audit(AuditAction.BOOKED)).isEmpty();

        Reservation r = staff.book(CLERK, "電話、締切後", request(TARO, feb18), ReceptionClosing.OVERRIDDEN);

        assertThat(r.live()).isTrue();
        assertThat(audit(AuditAction.BOOKED)).singleElement()
                .satisfies(e -> assertThat(e.record().after()).contains("closing=overridden"));
    }

    @Test
    @DisplayName("STAFF-2 ONE-1, eligibility, capacity, the opening and the event day always hold for staff")
    void alwaysHold() throws Refusal {
        at(2, 10);
        staff.book(CLERK, "電話", request(TARO, feb25), ReceptionClosing.OVERRIDDEN);
        refused(() -> staff.book(CLERK, "電話", request(TARO, feb18), ReceptionClosing.OVERRIDDEN),
                ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        Refusal young = refused(() -> staff.book(CLERK, "電話", request(JIRO, feb18), ReceptionClosing.OVERRIDDEN),
                ErrorCode.NOT_ELIGIBLE_AGE);
        assertThat(young.ageLimit()).isPresent();
        staff.book(CLERK, "電話", request(HANAKO, feb25), ReceptionClosing.OVERRIDDEN);
        refused(() -> staff.book(CLERK, "電話", request(UME, feb25), ReceptionClosing.OVERRIDDEN), ErrorCode.SLOT_FULL);
        Slot later = f.slot(LocalDate.of(2024, 3, 3), LocalTime.of(9, 0), 5);
        f.engine.staff().cancelEventDay(CLERK, "台風", Fixtures.VENUE, later.date());
        refused(() -> staff.book(CLERK, "電話", request(UME, later), ReceptionClosing.OVERRIDDEN),
                ErrorCode.EVENT_CANCELLED);
        Slot notOpen = f.engine.schedule().addSlot(new io.github.kenshinbooking.schedule.SlotSpec(Fixtures.VENUE,
                "ヘルスポートクリニック", LocalDate.of(2024, 3, 10), LocalTime.of(9, 0), Duration.ofMinutes(30), 5,
                f.instant(LocalDateTime.of(2024, 3, 1, 0, 0))));
        refused(() -> staff.book(CLERK, "電話", request(UME, notOpen), ReceptionClosing.OVERRIDDEN),
                ErrorCode.RECEPTION_NOT_OPEN);
    }

    @Test
    @DisplayName("STAFF-2 STAFF-4 ORDER-1 a staff booking's input: staff, reason, phone, terms, then an unknown member is NOT_FOUND")
    void bookInput() {
        refused(() -> staff.book(null, "x", request(TARO, feb18), ReceptionClosing.ENFORCED), ErrorCode.INVALID_INPUT);
        Refusal noReason = refused(() -> staff.book(CLERK, " ", request(TARO, feb18), ReceptionClosing.ENFORCED),
                ErrorCode.INVALID_INPUT);
        assertThat(noReason.field()).contains(Refusal.FIELD_REASON);
        refused(() -> staff.book(CLERK, "x", BookingRequest.of(TARO, feb18.id(), "12", true),
                ReceptionClosing.ENFORCED), ErrorCode.INVALID_PHONE);
        refused(() -> staff.book(CLERK, "x", BookingRequest.of(TARO, feb18.id(), Fixtures.PHONE, false),
                ReceptionClosing.ENFORCED), ErrorCode.TERMS_NOT_ACCEPTED);
        Refusal unknown = refused(() -> staff.book(CLERK, "x", request(MemberId.of("7777777-01"), feb18),
                ReceptionClosing.ENFORCED), ErrorCode.NOT_FOUND);
        assertThat(unknown.field()).contains(Refusal.FIELD_MEMBER);
        refused(() -> staff.book(CLERK, "x", BookingRequest.of(TARO, SlotId.of(999), Fixtures.PHONE, true),
                ReceptionClosing.ENFORCED), ErrorCode.NOT_FOUND);
    }

    @Test
    @DisplayName("STAFF-2 BOOK-4 a staff booking's idempotency key is the household's: a repeat answers the first")
    void bookIdempotent() throws Refusal {
        BookingRequest req = request(UME, feb18).withIdempotencyKey("call-42");
        Reservation first = staff.book(CLERK, "電話", req, ReceptionClosing.ENFORCED);
        Reservation again = staff.book(CLERK, "電話", req, ReceptionClosing.ENFORCED);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(remaining(feb18)).isEqualTo(9);
        assertThat(audit(AuditAction.BOOKED)).hasSize(1);
    }

    @Test
    @DisplayName("STAFF-2 CNL-2 a staff change keeps the new slot's closing unless staff override it")
    void changePastClosing() throws Refusal {
        Reservation r = staff.book(CLERK, "電話", request(UME, feb25), ReceptionClosing.ENFORCED);
        at(2, 10);
        refused(() -> staff.change(CLERK, "電話", r.id(), feb18.id(), null), ErrorCode.BOOKING_CLOSED);

        Reservation moved = staff.change(CLERK, "電話、締切後", r.id(), feb18.id(), null, ReceptionClosing.OVERRIDDEN);

        assertThat(moved.slot()).isEqualTo(feb18.id());
        assertThat(remaining(feb18)).isEqualTo(9);
        assertThat(remaining(feb25)).isEqualTo(2);
        assertThat(audit(AuditAction.CHANGED)).singleElement().satisfies(e -> {
            assertThat(e.record().channel()).isEqualTo(AuditChannel.PHONE);
            assertThat(e.record().reason()).contains("電話、締切後");
            assertThat(e.record().before()).contains("slot=" + feb25.id());
            assertThat(e.record().after()).contains("slot=" + feb18.id()).contains("closing=overridden");
        });
    }

    // ---- STAFF-3 -------------------------------------------------------------------------------

    @Test
    @DisplayName("STAFF-3 capacity never goes below the places taken (CAPACITY_BELOW_TAKEN, nothing changed); raising frees places")
    void capacity() throws Refusal {
        staff.book(CLERK, "電話", request(UME, feb25), ReceptionClosing.ENFORCED);
        staff.book(CLERK, "電話", request(TARO, feb25), ReceptionClosing.ENFORCED);
        assertThat(remaining(feb25)).isZero();

        Refusal below = refused(() -> staff.changeCapacity(CLERK, "会場縮小", feb25.id(), 1),
                ErrorCode.CAPACITY_BELOW_TAKEN);
        assertThat(below.field()).contains(Refusal.FIELD_CAPACITY);
        assertThat(f.storage.slots().find(feb25.id()).orElseThrow().capacity()).isEqualTo(2);
        assertThat(audit(AuditAction.SLOT_CAPACITY_CHANGED)).isEmpty();

        Slot raised = staff.changeCapacity(CLERK, "医師増員", feb25.id(), 3);
        assertThat(raised.capacity()).isEqualTo(3);
        assertThat(remaining(feb25)).isEqualTo(1);
        staff.book(CLERK, "電話", request(HANAKO, feb25), ReceptionClosing.ENFORCED);
        assertThat(staff.changeCapacity(CLERK, "満席で締める", feb25.id(), 3).remaining()).isZero();
        refused(() -> staff.changeCapacity(CLERK, "x", feb25.id(), -1), ErrorCode.INVALID_INPUT);
        refused(() -> staff.changeCapacity(CLERK, "x", SlotId.of(999), 3), ErrorCode.NOT_FOUND);
        assertThat(audit(AuditAction.SLOT_CAPACITY_CHANGED)).hasSize(2).first().satisfies(e -> {
            assertThat(e.record().before()).contains("capacity=2");
            assertThat(e.record().after()).contains("capacity=3");
            assertThat(e.record().reason()).contains("医師増員");
            assertThat(e.record().channel()).isEqualTo(AuditChannel.STAFF);
        });
    }

    @Test
    @DisplayName("STAFF-3 a closed slot refuses bookings and changes into it with SLOT_CLOSED, keeps its reservations, and reopens")
    void close() throws Refusal {
        HouseholdSession s = f.activeSession();
        Reservation held = f.engine.bookings().book(s, request(TARO, feb18));
        Reservation other = f.engine.bookings().book(s, request(HANAKO, feb25));

        Slot closed = staff.closeSlot(CLERK, "医師不足", feb18.id());

        assertThat(closed.closed()).isTrue();
        refused(() -> staff.book(CLERK, "x", request(UME, feb18), ReceptionClosing.OVERRIDDEN), ErrorCode.SLOT_CLOSED);
        refused(() -> f.engine.bookings().change(s, other.id(), feb18.id(), null), ErrorCode.SLOT_CLOSED);
        assertThat(f.engine.calendar().availability(s, HANAKO, feb18.id()).status())
                .isEqualTo(SlotStatus.OUTSIDE_RECEPTION);
        assertThat(f.storage.reservations().find(held.id()).orElseThrow().live()).isTrue();
        f.engine.bookings().cancel(s, held.id());
        assertThat(remaining(feb18)).isEqualTo(10);

        staff.reopenSlot(CLERK, "医師確保", feb18.id());
        f.engine.bookings().change(s, other.id(), feb18.id(), null);
        assertThat(audit(AuditAction.SLOT_CLOSED)).hasSize(1);
        assertThat(audit(AuditAction.SLOT_REOPENED)).hasSize(1);
        refused(() -> staff.closeSlot(CLERK, "x", SlotId.of(999)), ErrorCode.NOT_FOUND);
    }

    @Test
    @DisplayName("STAFF-3 start, duration and reception opening are edited only while the slot holds no live reservation")
    void edit() throws Refusal {
        Instant opens = f.instant(LocalDateTime.of(2024, 1, 20, 9, 0));
        SlotEdit edit = new SlotEdit(LocalTime.of(13, 30), Duration.ofMinutes(45), opens);

        Slot edited = staff.editSlot(CLERK, "午後に変更", feb18.id(), edit);

        assertThat(edited.start()).isEqualTo(LocalTime.of(13, 30));
        assertThat(edited.duration()).isEqualTo(Duration.ofMinutes(45));
        assertThat(edited.receptionOpens()).isEqualTo(opens);
        assertThat(f.storage.slots().find(feb18.id())).contains(edited);
        // reception now opens later: a booking before it is refused
        refused(() -> staff.book(CLERK, "x", request(UME, feb18), ReceptionClosing.OVERRIDDEN),
                ErrorCode.RECEPTION_NOT_OPEN);

        Reservation r = staff.book(CLERK, "x", request(UME, feb25), ReceptionClosing.ENFORCED);
        Refusal inUse = refused(() -> staff.editSlot(CLERK, "x", feb25.id(), edit), ErrorCode.SLOT_HAS_RESERVATIONS);
        assertThat(inUse.field()).contains(Refusal.FIELD_SLOT);
        staff.cancel(CLERK, "取消", r.id());
        assertThat(staff.editSlot(CLERK, "空いたので", feb25.id(), edit).start()).isEqualTo(LocalTime.of(13, 30));
        assertThat(audit(AuditAction.SLOT_EDITED)).hasSize(2);
        refused(() -> staff.editSlot(CLERK, "x", feb25.id(), null), ErrorCode.INVALID_INPUT);
    }

    @Test
    @DisplayName("STAFF-3 STAFF-4 staff add a slot and cancel an event day by name, with a reason, audited")
    void addAndCancelDay() throws Refusal {
        Slot added = staff.addSlot(CLERK, "追加開催", new io.github.kenshinbooking.schedule.SlotSpec(Fixtures.VENUE,
                "ヘルスポートクリニック", LocalDate.of(2024, 3, 3), LocalTime.of(9, 0), Duration.ofMinutes(30), 4,
                f.instant(LocalDateTime.of(2023, 12, 1, 0, 0))));
        Reservation r = staff.book(CLERK, "電話", request(UME, added), ReceptionClosing.ENFORCED);

        List<Reservation> cancelled = staff.cancelEventDay(CLERK, "台風接近", Fixtures.VENUE, added.date());

        assertThat(cancelled).extracting(Reservation::id).containsExactly(r.id());
        assertThat(audit(AuditAction.SLOT_ADDED)).filteredOn(e -> e.record().actor().equals(AuditActor.staff(CLERK)))
                .singleElement().satisfies(e -> assertThat(e.record().reason()).contains("追加開催"));
        assertThat(audit(AuditAction.EVENT_DAY_CANCELLED)).singleElement().satisfies(e -> {
            assertThat(e.record().target()).isEqualTo(AuditTarget.venueDay(Fixtures.VENUE, added.date()));
            assertThat(e.record().reason()).contains("台風接近");
        });
        assertThat(audit(AuditAction.CANCELLED)).singleElement().satisfies(e -> {
            assertThat(e.record().target()).isEqualTo(AuditTarget.reservation(r.id()));
            assertThat(e.record().actor()).isEqualTo(AuditActor.staff(CLERK));
        });
        refused(() -> staff.cancelEventDay(CLERK, "", Fixtures.VENUE, added.date()), ErrorCode.INVALID_INPUT);
    }

    @Test
    @DisplayName("STAFF-4 every staff action needs a staff id and a non-blank reason (INVALID_INPUT naming the field) and writes nothing without")
    void reasonRequired() {
        List<ThrowingCallable> withoutReason = List.of(
                () -> staff.unlock(CLERK, " ", "1999999"),
                () -> staff.addSlot(CLERK, "", new io.github.kenshinbooking.schedule.SlotSpec(Fixtures.VENUE, "x",
                        LocalDate.of(2024, 3, 3), LocalTime.of(9, 0), Duration.ofMinutes(30), 4, Instant.EPOCH)),
                () -> staff.editSlot(CLERK, "\t", feb18.id(), SlotEdit.of(feb18)),
                () -> staff.changeCapacity(CLERK, null, feb18.id(), 5),
                () -> staff.closeSlot(CLERK, "\n", feb18.id()),
                () -> staff.reopenSlot(CLERK, "bad\u0000", feb18.id()),
                () -> staff.book(CLERK, " ", request(UME, feb18), ReceptionClosing.ENFORCED));
        for (ThrowingCallable call : withoutReason) {
            Refusal r = refused(call, ErrorCode.INVALID_INPUT);
            assertThat(r.field()).contains(Refusal.FIELD_REASON);
        }
        Refusal noStaff = refused(() -> staff.closeSlot(null, "x", feb18.id()), ErrorCode.INVALID_INPUT);
        assertThat(noStaff.field()).contains(Refusal.FIELD_STAFF);
        List<AuditEntry> all = new ArrayList<>();
        f.storage.audit().forEach(AuditQuery.period(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
                .byActor(AuditActor.staff(CLERK)), all::add);
        assertThat(all).isEmpty();
    }
}
