package io.github.kenshinbooking;

import io.github.kenshinbooking.reservation.BookingConfirmation;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.HistoryEntry;
import io.github.kenshinbooking.reservation.HistoryFilter;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationDetails;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.ReservationStatus;
import io.github.kenshinbooking.reservation.StaffId;
import static io.github.kenshinbooking.Fixtures.HANAKO;
import static io.github.kenshinbooking.Fixtures.JIRO;
import static io.github.kenshinbooking.Fixtures.PHONE;
import static io.github.kenshinbooking.Fixtures.TARO;
import static io.github.kenshinbooking.Fixtures.UME;
import static io.github.kenshinbooking.Fixtures.VENUE;
import static io.github.kenshinbooking.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.policy.DeadlinePolicy;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BookingServiceTest {
    private Fixtures f;
    private BookingService bookings;
    private HouseholdSession session;
    private Slot feb18;
    private Slot feb18b;
    private Slot feb25;

    @BeforeEach
    void setUp() {
        f = new Fixtures();
        bookings = f.engine.bookings();
        feb18 = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), 10);
        feb18b = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 30), 10);
        feb25 = f.slot(LocalDate.of(2024, 2, 25), LocalTime.of(9, 0), 1);
        session = f.activeSession();
    }

    private static void refused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).code()).isEqualTo(code);
    }

    private int remaining(Slot s) throws Refusal {
        return f.engine.calendar().remaining(s.id());
    }

    @Test
    @DisplayName("BOOK-1 BOOK-3 a booking takes a place, returns an id and records a booking-complete mail")
    void book() throws Refusal {
        Reservation r = bookings.book(session, request(TARO, feb18));
        assertThat(r.id().value()).isPositive();
        assertThat(r.live()).isTrue();
        assertThat(r.phone().digits()).isEqualTo("09012345678");
        assertThat(r.termsVersion()).isEqualTo(f.policy.termsVersion());
        assertThat(remaining(feb18)).isEqualTo(9);
        List<OutboxEntry> booked = f.storage.outbox().pending().stream()
                .filter(e -> e.notification().kind() == NotificationKind.BOOKED).toList();
        assertThat(booked).hasSize(1);
        Notification n = booked.get(0).notification();
        assertThat(n.recipient()).isEqualTo("taro@example.jp");
        assertThat(n.get(NotificationData.RESERVATION_ID)).contains(r.id().toString());
        assertThat(n.get(NotificationData.CHANGE_DEADLINE)).contains("2024-02-05T00:00");
        assertThat(n.get(NotificationData.CANCEL_DEADLINE)).contains("2024-02-16T00:00");
        assertThat(n.get(NotificationData.MEMBER_NAME)).contains("建設 太郎");
    }

    @Test
    @DisplayName("MAIL-1 a household without e-mail books without a mail")
    void noMailWithoutAddress() throws Refusal {
        HouseholdSession other = f.otherSession();
        bookings.book(other, request(UME, feb18));
        assertThat(f.outboxCount(NotificationKind.BOOKED)).isZero();
    }

    @Test
    @DisplayName("BOOK-1 ORDER-1 malformed input is answered first: INVALID_INPUT, INVALID_PHONE, TERMS_NOT_ACCEPTED")
    void malformedInput() {
        refused(() -> bookings.book(session, BookingRequest.of(null, feb18.id(), PHONE, true)), ErrorCode.INVALID_INPUT);
        refused(() -> bookings.book(session, BookingRequest.of(TARO, null, PHONE, true)), ErrorCode.INVALID_INPUT);
        refused(() -> bookings.book(null, request(TARO, feb18)), ErrorCode.INVALID_INPUT);
        refused(() -> bookings.book(session, null), ErrorCode.INVALID_INPUT);
        for (String bad : new String[] {null, "", "12345", "90-1234-5678", "0901234567890", "090-1234-567a"}) {
            refused(() -> bookings.book(session, BookingRequest.of(TARO, feb18.id(), bad, true)), ErrorCode.INVALID_PHONE);
        }
        // phone before terms; terms before everything but malformed fields
        refused(() -> bookings.book(session, BookingRequest.of(TARO, feb18.id(), "x", false)), ErrorCode.INVALID_PHONE);
        refused(() -> bookings.book(session, BookingRequest.of(JIRO, SlotId.of(999), PHONE, false)),
                ErrorCode.TERMS_NOT_ACCEPTED);
        assertThat(f.storage.outbox().pending()).noneMatch(e -> e.notification().kind() == NotificationKind.BOOKED);
    }

    @Test
    @DisplayName("BOOK-1 phone numbers: 10 or 11 digits from 0, hyphens optional, full-width accepted")
    void phones() throws Refusal {
        assertThat(PhoneNumber.parse("0312345678").digits()).isEqualTo("0312345678");
        assertThat(PhoneNumber.parse("03-1234-5678").digits()).isEqualTo("0312345678");
        assertThat(PhoneNumber.parse("０９０－１２３４－５６７８").digits()).isEqualTo("09012345678");
        assertThatThrownBy(() -> PhoneNumber.parse("1234567890")).isInstanceOf(Refusal.class);
    }

    @Test
    @DisplayName("BOOK-1 HIST-2 a member of another household is FORBIDDEN")
    void forbiddenMember() {
        refused(() -> bookings.book(session, request(UME, feb18)), ErrorCode.FORBIDDEN);
        refused(() -> bookings.book(session, request(MemberId.of("nobody"), feb18)), ErrorCode.FORBIDDEN);
    }

    @Test
    @DisplayName("ORDER-1 FORBIDDEN before NOT_FOUND; NOT_FOUND before eligibility")
    void orderForbiddenNotFound() {
        refused(() -> bookings.book(session, BookingRequest.of(UME, SlotId.of(999), PHONE, true)), ErrorCode.FORBIDDEN);
        refused(() -> bookings.book(session, BookingRequest.of(JIRO, SlotId.of(999), PHONE, true)), ErrorCode.NOT_FOUND);
    }

    @Test
    @DisplayName("SLOT-2 ORDER-1 reception: RECEPTION_NOT_OPEN before, BOOKING_CLOSED at 00:00 13 days before, both before eligibility")
    void receptionWindow() throws Refusal {
        f.clock.setInstant(f.instant(LocalDateTime.of(2023, 11, 30, 23, 59, 59)));
        refused(() -> bookings.book(session, request(JIRO, feb18)), ErrorCode.RECEPTION_NOT_OPEN);
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 5, 0, 0)));
        refused(() -> bookings.book(session, request(JIRO, feb18)), ErrorCode.BOOKING_CLOSED);
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 4, 23, 59, 59)));
        assertThat(bookings.book(session, request(TARO, feb18)).live()).isTrue();
    }

    @Test
    @DisplayName("ELIG-2 ELIG-4 ORDER-1 a member under 40 may look but is refused NOT_ELIGIBLE_AGE at booking")
    void ageRefusal() throws Refusal {
        assertThat(f.engine.calendar().availability(session, JIRO, feb18.id()).remaining()).isEqualTo(10);
        refused(() -> bookings.book(session, request(JIRO, feb18)), ErrorCode.NOT_ELIGIBLE_AGE);
        refused(() -> bookings.confirm(session, request(JIRO, feb18)), ErrorCode.NOT_ELIGIBLE_AGE);
    }

    @Test
    @DisplayName("ONE-1 ORDER-1 a second live reservation in the fiscal year is refused before SLOT_FULL; cancel frees it")
    void onePerFiscalYear() throws Refusal {
        Reservation first = bookings.book(session, request(HANAKO, feb25));
        assertThat(remaining(feb25)).isZero();
        refused(() -> bookings.book(session, request(HANAKO, feb25)), ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        refused(() -> bookings.book(session, request(HANAKO, feb18)), ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        refused(() -> bookings.book(session, request(TARO, feb25)), ErrorCode.SLOT_FULL);
        bookings.cancel(session, first.id());
        assertThat(bookings.book(session, request(HANAKO, feb18)).live()).isTrue();
    }

    @Test
    @DisplayName("ONE-1 ELIG-1 the exam date's fiscal year decides: April of the next year is another year")
    void nextFiscalYear() throws Refusal {
        Slot april = f.slot(LocalDate.of(2024, 4, 21), LocalTime.of(9, 0), 5);
        bookings.book(session, request(TARO, feb18));
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 3, 1, 9, 0)));
        assertThat(bookings.book(session, request(TARO, april)).fiscalYear().startYear()).isEqualTo(2024);
    }

    @Test
    @DisplayName("CHG-1 ONE-1 ORDER-1 a change into a fiscal year where the member holds another reservation is refused, before SLOT_FULL")
    void changeIntoOccupiedFiscalYear() throws Refusal {
        Slot may12 = f.slot(LocalDate.of(2024, 5, 12), LocalTime.of(9, 0), 10);
        Slot may19 = f.slot(LocalDate.of(2024, 5, 19), LocalTime.of(9, 0), 1);
        Slot may26 = f.slot(LocalDate.of(2024, 5, 26), LocalTime.of(9, 0), 10);
        Reservation fy2023 = bookings.book(session, request(TARO, feb18));
        Reservation fy2024 = bookings.book(session, request(TARO, may12));
        bookings.book(f.otherSession(), request(UME, may19)); // may19 is full now

        refused(() -> bookings.change(session, fy2023.id(), may19.id(), null),
                ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        refused(() -> bookings.change(session, fy2023.id(), may26.id(), null),
                ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        assertThat(remaining(may26)).isEqualTo(10);

        bookings.cancel(session, fy2024.id());
        assertThat(bookings.change(session, fy2023.id(), may26.id(), null).fiscalYear().startYear()).isEqualTo(2024);
        assertThat(remaining(feb18)).isEqualTo(10);
    }

    @Test
    @DisplayName("BOOK-2 confirm checks everything and writes nothing; the final step can still meet SLOT_FULL")
    void confirmThenFull() throws Refusal {
        BookingConfirmation c = bookings.confirm(session, request(TARO, feb25));
        assertThat(c.slot().id()).isEqualTo(feb25.id());
        assertThat(c.changeDeadline()).isEqualTo(LocalDateTime.of(2024, 2, 12, 0, 0));
        assertThat(remaining(feb25)).isEqualTo(1);
        assertThat(f.storage.outbox().pending()).noneMatch(e -> e.notification().kind() == NotificationKind.BOOKED);
        HouseholdSession other = f.otherSession();
        bookings.book(other, request(UME, feb25));
        refused(() -> bookings.book(session, request(TARO, feb25)), ErrorCode.SLOT_FULL);
    }

    @Test
    @DisplayName("BOOK-4 the same idempotency key returns the first reservation and records one mail")
    void idempotent() throws Refusal {
        BookingRequest req = request(TARO, feb18).withIdempotencyKey("click-1");
        Reservation a = bookings.book(session, req);
        Reservation b = bookings.book(session, req);
        assertThat(b.id()).isEqualTo(a.id());
        assertThat(remaining(feb18)).isEqualTo(9);
        assertThat(f.outboxCount(NotificationKind.BOOKED)).isEqualTo(1);
        // another key is another booking attempt
        refused(() -> bookings.book(session, request(TARO, feb18).withIdempotencyKey("click-2")),
                ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        refused(() -> bookings.book(session, request(TARO, feb18).withIdempotencyKey("")), ErrorCode.INVALID_INPUT);
    }

    @Test
    @DisplayName("BOOK-4 keys are scoped to the household")
    void idempotencyScopedToHousehold() throws Refusal {
        Reservation a = bookings.book(session, request(TARO, feb18).withIdempotencyKey("k"));
        Reservation b = f.engine.bookings().book(f.otherSession(), request(UME, feb18).withIdempotencyKey("k"));
        assertThat(b.id()).isNotEqualTo(a.id());
        assertThat(remaining(feb18)).isEqualTo(8);
    }

    @Test
    @DisplayName("CHG-1 a change keeps the id, moves the place atomically, may update the phone, records a change mail")
    void change() throws Refusal {
        Reservation r = bookings.book(session, request(TARO, feb18));
        Reservation moved = bookings.change(session, r.id(), feb18b.id(), "03-1111-2222");
        assertThat(moved.id()).isEqualTo(r.id());
        assertThat(moved.slot()).isEqualTo(feb18b.id());
        assertThat(moved.phone().digits()).isEqualTo("0311112222");
        assertThat(remaining(feb18)).isEqualTo(10);
        assertThat(remaining(feb18b)).isEqualTo(9);
        Notification n = f.storage.outbox().pending().stream().map(OutboxEntry::notification)
                .filter(x -> x.kind() == NotificationKind.CHANGED).findFirst().orElseThrow();
        assertThat(n.get(NotificationData.PREVIOUS_START_TIME)).contains("09:00");
        assertThat(n.get(NotificationData.START_TIME)).contains("09:30");
    }

    @Test
    @DisplayName("CHG-1 the change deadline of the current slot is 13 days before at 00:00")
    void changeDeadline() throws Refusal {
        Reservation r = bookings.book(session, request(TARO, feb18));
        Slot later = f.slot(LocalDate.of(2024, 3, 3), LocalTime.of(9, 0), 10);
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 5, 0, 0)));
        refused(() -> bookings.change(session, r.id(), later.id(), null), ErrorCode.CHANGE_DEADLINE_PASSED);
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 4, 23, 59, 59)));
        assertThat(bookings.change(session, r.id(), later.id(), null).slot()).isEqualTo(later.id());
    }

    @Test
    @DisplayName("CHG-1 ORDER-1 the new slot is checked as for a booking: full, closed, not found, same slot")
    void changeTargetChecks() throws Refusal {
        Reservation r = bookings.book(session, request(TARO, feb18));
        bookings.book(f.otherSession(), request(UME, feb25));
        refused(() -> bookings.change(session, r.id(), feb25.id(), null), ErrorCode.SLOT_FULL);
        refused(() -> bookings.change(session, r.id(), SlotId.of(12345), null), ErrorCode.NOT_FOUND);
        refused(() -> bookings.change(session, r.id(), feb18.id(), null), ErrorCode.INVALID_INPUT);
        refused(() -> bookings.change(session, r.id(), feb18b.id(), "bad"), ErrorCode.INVALID_PHONE);
        assertThat(remaining(feb18)).isEqualTo(9);
    }

    @Test
    @DisplayName("CNL-1 cancel before 2 days before 00:00 releases the place; twice is ALREADY_CANCELLED")
    void cancel() throws Refusal {
        Reservation r = bookings.book(session, request(TARO, feb18));
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 15, 23, 59, 59)));
        Reservation c = bookings.cancel(session, r.id());
        assertThat(c.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(remaining(feb18)).isEqualTo(10);
        assertThat(f.outboxCount(NotificationKind.CANCELLED)).isEqualTo(1);
        refused(() -> bookings.cancel(session, r.id()), ErrorCode.ALREADY_CANCELLED);
        refused(() -> bookings.change(session, r.id(), feb18b.id(), null), ErrorCode.ALREADY_CANCELLED);
    }

    @Test
    @DisplayName("CNL-1 at the cancel deadline itself the cancel is refused")
    void cancelDeadline() throws Refusal {
        Reservation r = bookings.book(session, request(TARO, feb18));
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 16, 0, 0)));
        refused(() -> bookings.cancel(session, r.id()), ErrorCode.CANCEL_DEADLINE_PASSED);
        assertThat(remaining(feb18)).isEqualTo(9);
    }

    @Test
    @DisplayName("CNL-2 staff bypass the reservation's deadlines but not capacity or the new slot's window; recorded")
    void staff() throws Refusal {
        Reservation r = bookings.book(session, request(TARO, feb18));
        Slot mar3 = f.slot(LocalDate.of(2024, 3, 3), LocalTime.of(9, 0), 10);
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 10, 0, 0)));
        StaffService staff = f.engine.staff();
        StaffId clerk = new StaffId("clerk-7");
        Reservation moved = staff.change(clerk, "電話依頼", r.id(), mar3.id(), null);
        assertThat(moved.staffAction()).hasValueSatisfying(a -> {
            assertThat(a.staff()).isEqualTo(clerk);
            assertThat(a.reason()).isEqualTo("電話依頼");
        });
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 20, 0, 0)));
        refused(() -> staff.change(clerk, "x", r.id(), feb18b.id(), null), ErrorCode.BOOKING_CLOSED);
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 3, 2, 12, 0)));
        refused(() -> bookings.cancel(session, r.id()), ErrorCode.CANCEL_DEADLINE_PASSED);
        assertThat(staff.cancel(clerk, "体調不良", r.id()).live()).isFalse();
        assertThat(remaining(mar3)).isEqualTo(10);
        refused(() -> staff.cancel(clerk, "again", r.id()), ErrorCode.ALREADY_CANCELLED);
        refused(() -> staff.cancel(clerk, " ", r.id()), ErrorCode.INVALID_INPUT);
        refused(() -> staff.cancel(clerk, "x", ReservationId.of(999_999)), ErrorCode.NOT_FOUND);
    }

    @Test
    @DisplayName("CNL-1 CNL-2 a cancel mail names the member; it says so when staff cancelled, and only then")
    void cancelMails() throws Refusal {
        Reservation taro = bookings.book(session, request(TARO, feb18));
        Reservation hanako = bookings.book(session, request(HANAKO, feb18b));

        bookings.cancel(session, taro.id());
        Notification own = lastMail(NotificationKind.CANCELLED);
        assertThat(own.get(NotificationData.MEMBER_NAME)).contains("建設 太郎");
        assertThat(own.get(NotificationData.BY_STAFF)).isEmpty();

        f.engine.staff().cancel(new StaffId("clerk-7"), "体調不良", hanako.id());
        Notification byStaff = lastMail(NotificationKind.CANCELLED);
        assertThat(byStaff.get(NotificationData.MEMBER_NAME)).contains("建設 花子");
        assertThat(byStaff.get(NotificationData.BY_STAFF)).contains("true");
    }

    @Test
    @DisplayName("SLOT-6 the event-cancelled mail names the member")
    void eventCancelledMailNamesMember() throws Refusal {
        bookings.book(session, request(TARO, feb18));

        f.engine.staff().cancelEventDay(VENUE, LocalDate.of(2024, 2, 18));

        assertThat(lastMail(NotificationKind.EVENT_CANCELLED).get(NotificationData.MEMBER_NAME)).contains("建設 太郎");
    }

    @Test
    @DisplayName("HIST-1 HIST-2 a member who moved to another household sees there none of the old household's reservations")
    void historyOfMovedMember() throws Refusal {
        Reservation old = bookings.book(session, request(HANAKO, feb18));
        bookings.cancel(session, old.id());
        HouseholdSession other = f.otherSession();
        Household taro = f.directory.find(Fixtures.SYMBOL).orElseThrow();
        Household ume = f.directory.find(Fixtures.OTHER_SYMBOL).orElseThrow();
        Member hanako = taro.member(HANAKO).orElseThrow();
        f.directory.put(Household.of(Fixtures.SYMBOL, taro.members().stream().filter(m -> !m.id().equals(HANAKO))
                .toList()));
        f.directory.put(Household.of(Fixtures.OTHER_SYMBOL, List.of(ume.representative(), hanako)));

        assertThat(bookings.history(other, HANAKO, HistoryFilter.all())).isEmpty();
        Reservation now = bookings.book(other, request(HANAKO, feb25));
        assertThat(bookings.history(other, HANAKO, HistoryFilter.all())).extracting(HistoryEntry::id)
                .containsExactly(now.id());
    }

    @Test
    @DisplayName("CHG-1 a reservation of a member no longer on the household's records is not moved: a refusal, not a crash")
    void changeOfMemberNoLongerOnRecord() throws Refusal {
        Reservation r = bookings.book(session, request(HANAKO, feb18));
        Household taro = f.directory.find(Fixtures.SYMBOL).orElseThrow();
        f.directory.put(Household.of(Fixtures.SYMBOL, taro.members().stream().filter(m -> !m.id().equals(HANAKO))
                .toList()));

        refused(() -> bookings.change(session, r.id(), feb18b.id(), null), ErrorCode.NOT_FOUND);
        assertThat(f.storage.reservations().find(r.id()).orElseThrow().slot()).isEqualTo(feb18.id());
    }

    @Test
    @DisplayName("HIST-2 another household's reservation id gives NOT_FOUND for details, change and cancel")
    void otherHouseholdNotFound() throws Refusal {
        HouseholdSession other = f.otherSession();
        Reservation ume = bookings.book(other, request(UME, feb18));
        refused(() -> bookings.details(session, ume.id()), ErrorCode.NOT_FOUND);
        refused(() -> bookings.cancel(session, ume.id()), ErrorCode.NOT_FOUND);
        refused(() -> bookings.change(session, ume.id(), feb18b.id(), null), ErrorCode.NOT_FOUND);
        refused(() -> bookings.history(session, UME, HistoryFilter.all()), ErrorCode.FORBIDDEN);
        assertThat(bookings.details(other, ume.id()).reservation().id()).isEqualTo(ume.id());
    }

    @Test
    @DisplayName("HIST-1 history lists one member's reservations, latest exam first, filtered by status and period")
    void history() throws Refusal {
        Reservation a = bookings.book(session, request(TARO, feb25));
        bookings.cancel(session, a.id());
        Reservation b = bookings.book(session, request(TARO, feb18));
        bookings.book(session, request(HANAKO, feb18b));
        List<HistoryEntry> all = bookings.history(session, TARO, HistoryFilter.all());
        assertThat(all).extracting(HistoryEntry::id).containsExactly(a.id(), b.id());
        assertThat(all.get(0).start()).isEqualTo(LocalDateTime.of(2024, 2, 25, 9, 0));
        assertThat(all.get(0).slot().venue()).isEqualTo(VENUE);
        assertThat(bookings.history(session, TARO, HistoryFilter.all().withStatus(ReservationStatus.CONFIRMED)))
                .extracting(HistoryEntry::id).containsExactly(b.id());
        assertThat(bookings.history(session, TARO, HistoryFilter.all()
                .between(LocalDateTime.of(2024, 2, 18, 9, 0), LocalDateTime.of(2024, 2, 24, 0, 0))))
                .extracting(HistoryEntry::id).containsExactly(b.id());
    }

    @Test
    @DisplayName("HIST-1 the period's start is inclusive and excludes earlier exams; an entry shows its duration")
    void historyFrom() throws Refusal {
        Reservation a = bookings.book(session, request(TARO, feb18));
        bookings.cancel(session, a.id());
        Reservation b = bookings.book(session, request(TARO, feb25));

        assertThat(bookings.history(session, TARO, HistoryFilter.all().between(LocalDateTime.of(2024, 2, 18, 9, 1),
                null))).extracting(HistoryEntry::id).containsExactly(b.id());
        assertThat(bookings.history(session, TARO, HistoryFilter.all().between(LocalDateTime.of(2024, 2, 18, 9, 0),
                null))).extracting(HistoryEntry::id).containsExactly(b.id(), a.id());
        assertThat(bookings.history(session, TARO, HistoryFilter.all()).get(0).duration())
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    @DisplayName("SLOT-6 cancelling an event day cancels its reservations, frees places, notifies, refuses bookings")
    void eventCancelled() throws Refusal {
        Reservation r = bookings.book(session, request(TARO, feb18));
        bookings.book(f.otherSession(), request(UME, feb18b));
        List<Reservation> cancelled = f.engine.staff().cancelEventDay(VENUE, LocalDate.of(2024, 2, 18));
        assertThat(cancelled).hasSize(2).allMatch(x -> !x.live());
        assertThat(remaining(feb18)).isEqualTo(10);
        assertThat(f.outboxCount(NotificationKind.EVENT_CANCELLED)).isEqualTo(1); // the other household has no e-mail
        refused(() -> bookings.book(session, request(HANAKO, feb18)), ErrorCode.EVENT_CANCELLED);
        refused(() -> bookings.cancel(session, r.id()), ErrorCode.ALREADY_CANCELLED);
        assertThat(bookings.book(session, request(TARO, feb25)).live()).isTrue();
        refused(() -> f.engine.staff().cancelEventDay(VENUE, LocalDate.of(2030, 1, 1)), ErrorCode.NOT_FOUND);
    }

    @Test
    @DisplayName("AUTH-5 ORDER-1 booking in first-login is PASSWORD_CHANGE_REQUIRED, after input checks")
    void firstLoginRefused() throws Refusal {
        HouseholdSession first = f.engine.logins().login("1888888", "ｳﾒﾀﾞ ｳﾒ", "kenren19500505").session();
        refused(() -> bookings.book(first, request(UME, feb18)), ErrorCode.PASSWORD_CHANGE_REQUIRED);
        refused(() -> bookings.book(first, BookingRequest.of(UME, feb18.id(), PHONE, false)), ErrorCode.TERMS_NOT_ACCEPTED);
        refused(() -> bookings.book(first, request(TARO, feb18)), ErrorCode.PASSWORD_CHANGE_REQUIRED);
        refused(() -> bookings.history(first, UME, HistoryFilter.all()), ErrorCode.PASSWORD_CHANGE_REQUIRED);
    }

    @Test
    @DisplayName("MAIL-2 a refused booking leaves no reservation, no outbox row and unchanged capacity")
    void refusedWritesNothing() throws Refusal {
        int outboxBefore = f.storage.outbox().pending().size();
        bookings.book(f.otherSession(), request(UME, feb25));
        int afterOther = f.storage.outbox().pending().size();
        refused(() -> bookings.book(session, request(TARO, feb25)), ErrorCode.SLOT_FULL);
        assertThat(f.storage.outbox().pending()).hasSize(afterOther);
        assertThat(afterOther).isEqualTo(outboxBefore); // the other household has no e-mail
        assertThat(f.storage.reservations().findByMember(TARO)).isEmpty();
    }

    @Test
    @DisplayName("HIST-1 details show deadlines and whether the household may still change or cancel")
    void details() throws Refusal {
        Reservation r = bookings.book(session, request(TARO, feb18));
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 10, 0, 0)));
        ReservationDetails d = bookings.details(session, r.id());
        assertThat(d.changeable()).isFalse();
        assertThat(d.cancellable()).isTrue();
        assertThat(d.cancelDeadline()).isEqualTo(LocalDateTime.of(2024, 2, 16, 0, 0));
        assertThat(d.memberName()).isEqualTo("建設 太郎");
    }

    // ---- promised deadlines (CHG-1, CNL-1): a later policy change applies to new bookings only ----

    /** A second engine over the same store and directory, under deadline days 13 / 20 / 5 (booking, change, cancel). */
    private KenshinBooking engineUnder2005() {
        UnionPolicy later = f.policy.toBuilder().deadlines(new DeadlinePolicy(13, 20, 5)).build();
        return KenshinBooking.builder().policy(later).clock(f.clock).storage(f.storage).directory(f.directory)
                .passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1_000)).build();
    }

    private Notification lastMail(NotificationKind kind) {
        List<Notification> all = f.storage.outbox().pending().stream().map(OutboxEntry::notification)
                .filter(n -> n.kind() == kind).toList();
        assertThat(all).isNotEmpty();
        return all.get(all.size() - 1);
    }

    @Test
    @DisplayName("CHG-1 CNL-1 a reservation keeps the deadlines it was booked under (13/2) after the policy moves to 20/5")
    void promisedDeadlinesSurvivePolicyChange() throws Refusal {
        Reservation r = bookings.book(session, request(TARO, feb18));
        assertThat(r.changeDeadline()).contains(f.instant(LocalDateTime.of(2024, 2, 5, 0, 0)));
        assertThat(r.cancelDeadline()).contains(f.instant(LocalDateTime.of(2024, 2, 16, 0, 0)));
        KenshinBooking later = engineUnder2005();
        // after the new policy's change deadline for 2/18 (1/29) but before the promised one (2/5)
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 4, 23, 59, 59)));
        ReservationDetails d = later.bookings().details(session, r.id());
        assertThat(d.changeDeadline()).isEqualTo(LocalDateTime.of(2024, 2, 5, 0, 0));
        assertThat(d.cancelDeadline()).isEqualTo(LocalDateTime.of(2024, 2, 16, 0, 0));
        assertThat(d.changeable()).isTrue();
        assertThat(d.cancellable()).isTrue();
        Reservation moved = later.bookings().change(session, r.id(), feb18b.id(), null);
        // the change re-promises under 20/5: 2/18 - 20 days = 1/29, - 5 days = 2/13 (not the old 2/16)
        assertThat(moved.changeDeadline()).contains(f.instant(LocalDateTime.of(2024, 1, 29, 0, 0)));
        assertThat(moved.cancelDeadline()).contains(f.instant(LocalDateTime.of(2024, 2, 13, 0, 0)));
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 13, 0, 0)));
        refused(() -> later.bookings().cancel(session, r.id()), ErrorCode.CANCEL_DEADLINE_PASSED);
        refused(() -> bookings.cancel(session, r.id()), ErrorCode.CANCEL_DEADLINE_PASSED);
    }

    @Test
    @DisplayName("CNL-1 under a later 20/5 policy the old reservation may be cancelled until its promised 2 days; mails show it")
    void promisedCancelDeadline() throws Refusal {
        Reservation r = bookings.book(session, request(TARO, feb18));
        KenshinBooking later = engineUnder2005();
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 16, 0, 0)));
        refused(() -> later.bookings().cancel(session, r.id()), ErrorCode.CANCEL_DEADLINE_PASSED);
        assertThat(later.bookings().details(session, r.id()).cancellable()).isFalse();
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 15, 23, 59, 59)));
        refused(() -> later.bookings().change(session, r.id(), feb18b.id(), null), ErrorCode.CHANGE_DEADLINE_PASSED);
        assertThat(later.bookings().cancel(session, r.id()).live()).isFalse();
        Notification n = lastMail(NotificationKind.CANCELLED);
        assertThat(n.get(NotificationData.CHANGE_DEADLINE)).contains("2024-02-05T00:00");
        assertThat(n.get(NotificationData.CANCEL_DEADLINE)).contains("2024-02-16T00:00");
    }

    @Test
    @DisplayName("CHG-1 CNL-1 a booking after the policy change gets the new 20/5 deadlines in its record, details and mail")
    void newBookingGetsNewDeadlines() throws Refusal {
        bookings.book(session, request(TARO, feb18));
        KenshinBooking later = engineUnder2005();
        Reservation h = later.bookings().book(session, request(HANAKO, feb18));
        assertThat(h.changeDeadline()).contains(f.instant(LocalDateTime.of(2024, 1, 29, 0, 0)));
        assertThat(h.cancelDeadline()).contains(f.instant(LocalDateTime.of(2024, 2, 13, 0, 0)));
        Notification n = lastMail(NotificationKind.BOOKED);
        assertThat(n.get(NotificationData.RESERVATION_ID)).contains(h.id().toString());
        assertThat(n.get(NotificationData.CHANGE_DEADLINE)).contains("2024-01-29T00:00");
        assertThat(n.get(NotificationData.CANCEL_DEADLINE)).contains("2024-02-13T00:00");
        // the old engine judges it by its promise too
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 1, 29, 0, 0)));
        ReservationDetails d = bookings.details(session, h.id());
        assertThat(d.changeDeadline()).isEqualTo(LocalDateTime.of(2024, 1, 29, 0, 0));
        assertThat(d.changeable()).isFalse();
        refused(() -> bookings.change(session, h.id(), feb18b.id(), null), ErrorCode.CHANGE_DEADLINE_PASSED);
    }

    @Test
    @DisplayName("CHG-1 CNL-2 a change, by the household or by staff, re-promises the new slot's deadlines under the policy in force")
    void changeRepromises() throws Refusal {
        Reservation r = bookings.book(session, request(TARO, feb18));
        Slot mar3 = f.slot(LocalDate.of(2024, 3, 3), LocalTime.of(9, 0), 10);
        KenshinBooking later = engineUnder2005();
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 1, 20, 0, 0)));
        Reservation moved = later.bookings().change(session, r.id(), mar3.id(), null);
        // 3/3 under 20/5: 2/12 and 2/27
        assertThat(moved.changeDeadline()).contains(f.instant(LocalDateTime.of(2024, 2, 12, 0, 0)));
        assertThat(moved.cancelDeadline()).contains(f.instant(LocalDateTime.of(2024, 2, 27, 0, 0)));
        Notification n = lastMail(NotificationKind.CHANGED);
        assertThat(n.get(NotificationData.CHANGE_DEADLINE)).contains("2024-02-12T00:00");
        assertThat(n.get(NotificationData.CANCEL_DEADLINE)).contains("2024-02-27T00:00");
        // the old engine shows the new promise, not its own 13/2 (2/19, 3/1)
        ReservationDetails d = bookings.details(session, r.id());
        assertThat(d.changeDeadline()).isEqualTo(LocalDateTime.of(2024, 2, 12, 0, 0));
        assertThat(d.cancelDeadline()).isEqualTo(LocalDateTime.of(2024, 2, 27, 0, 0));
        // staff move it back under 13/2: 2/18 gets 2/5 and 2/16 again
        Reservation back = f.engine.staff().change(new StaffId("clerk-7"), "電話依頼", r.id(), feb18b.id(), null);
        assertThat(back.changeDeadline()).contains(f.instant(LocalDateTime.of(2024, 2, 5, 0, 0)));
        assertThat(back.cancelDeadline()).contains(f.instant(LocalDateTime.of(2024, 2, 16, 0, 0)));
        assertThat(f.storage.reservations().find(r.id())).contains(back);
    }
}
