package io.github.kenshinbooking.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.schedule.DeadlineKind;
import io.github.kenshinbooking.schedule.Deadlines;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reservation package's value types at their documented bounds. */
class ReservationValuesTest {
    private static final Instant T0 = Instant.parse("2024-01-10T01:00:00Z");

    private static void refused(ThrowingCallable call, ErrorCode code, String field) {
        assertThatThrownBy(call).isInstanceOf(Refusal.class).satisfies(e -> {
            assertThat(((Refusal) e).code()).isEqualTo(code);
            assertThat(((Refusal) e).field()).contains(field);
        });
    }

    // BOOK-4 keys: 1 to 100 printable ASCII characters, '!' (0x21) to '~' (0x7E)

    @ParameterizedTest
    @ValueSource(strings = {"k", "!", "~", "!~", "order-2024-01-10T10:00:00+09:00#1"})
    @DisplayName("BOOK-4 keys of printable ASCII, the first and last printable character included, are accepted")
    void keysAccepted(String raw) throws Refusal {
        assertThat(IdempotencyKey.parse(raw).value()).isEqualTo(raw);
        assertThat(new IdempotencyKey(raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "tab\tkey", "del\u007fkey", "キー", "caf\u00e9", "nul\u0000"})
    @DisplayName("BOOK-4 an empty key or one with a space, control, DEL or non-ASCII character is INVALID_INPUT")
    void keysRefused(String raw) {
        refused(() -> IdempotencyKey.parse(raw), ErrorCode.INVALID_INPUT, Refusal.FIELD_IDEMPOTENCY_KEY);
        assertThatThrownBy(() -> new IdempotencyKey(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("BOOK-4 a key of 100 characters is accepted, one of 101 or none at all is INVALID_INPUT")
    void keyLength() throws Refusal {
        assertThat(IdempotencyKey.parse("k".repeat(100)).value()).hasSize(100);
        refused(() -> IdempotencyKey.parse("k".repeat(101)), ErrorCode.INVALID_INPUT, Refusal.FIELD_IDEMPOTENCY_KEY);
        refused(() -> IdempotencyKey.parse(null), ErrorCode.INVALID_INPUT, Refusal.FIELD_IDEMPOTENCY_KEY);
        assertThatThrownBy(() -> new IdempotencyKey("k".repeat(101))).isInstanceOf(IllegalArgumentException.class);
    }

    // CNL-2 staff ids: 1 to 64 characters, not blank

    @Test
    @DisplayName("CNL-2 a staff id of 1 to 64 characters is accepted and prints as itself")
    void staffAccepted() throws Refusal {
        assertThat(StaffId.parse("s").value()).isEqualTo("s");
        assertThat(StaffId.parse("組合職員-" + "x".repeat(59)).value()).hasSize(64);
        assertThat(new StaffId("x".repeat(64)).value()).hasSize(64);
        assertThat(StaffId.parse("staff-007")).hasToString("staff-007");
    }

    @Test
    @DisplayName("CNL-2 a missing, blank or 65-character staff id is INVALID_INPUT on field staff")
    void staffRefused() {
        refused(() -> StaffId.parse(null), ErrorCode.INVALID_INPUT, Refusal.FIELD_STAFF);
        refused(() -> StaffId.parse(""), ErrorCode.INVALID_INPUT, Refusal.FIELD_STAFF);
        refused(() -> StaffId.parse(" \u3000"), ErrorCode.INVALID_INPUT, Refusal.FIELD_STAFF);
        refused(() -> StaffId.parse("x".repeat(65)), ErrorCode.INVALID_INPUT, Refusal.FIELD_STAFF);
        assertThatThrownBy(() -> new StaffId("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StaffId(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    // BOOK-1 daytime phone: 10 or 11 digits starting with 0

    @Test
    @DisplayName("BOOK-1 a phone of 10 or 11 digits starting with 0 is kept as digits and prints as them")
    void phoneAccepted() throws Refusal {
        assertThat(new PhoneNumber("0312345678").digits()).isEqualTo("0312345678");
        assertThat(PhoneNumber.parse("０９０ー１２３４ー５６７８")).hasToString("09012345678");
        assertThat(PhoneNumber.parse("03-1234-5678").digits()).isEqualTo("0312345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "031234567", "090123456789", "1901234567", "090-1234-56", "0901234567a",
            "０９０１２３４５６７８"})
    @DisplayName("BOOK-1 the constructor takes 10 or 11 ASCII digits starting with 0 only")
    void phoneDigitsOnly(String digits) {
        assertThatThrownBy(() -> new PhoneNumber(digits)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("BOOK-1 a missing phone or one of 9 or 12 digits is INVALID_PHONE on field phone")
    void phoneRefused() {
        refused(() -> PhoneNumber.parse(null), ErrorCode.INVALID_PHONE, Refusal.FIELD_PHONE);
        refused(() -> PhoneNumber.parse("03-1234-567"), ErrorCode.INVALID_PHONE, Refusal.FIELD_PHONE);
        refused(() -> PhoneNumber.parse("090-1234-56789"), ErrorCode.INVALID_PHONE, Refusal.FIELD_PHONE);
        refused(() -> PhoneNumber.parse("090/1234/5678"), ErrorCode.INVALID_PHONE, Refusal.FIELD_PHONE);
    }

    // BOOK-3 reservation ids: positive

    @Test
    @DisplayName("BOOK-3 a reservation id is positive and prints as its number")
    void reservationId() {
        assertThat(ReservationId.of(1).value()).isEqualTo(1);
        assertThat(ReservationId.of(5247)).hasToString("5247");
        assertThatThrownBy(() -> ReservationId.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReservationId.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    // the records storage passes around

    private static Reservation live() {
        return Reservation.booked(ReservationId.of(1), SymbolNumber.of("1999999"), MemberId.of("1999999-01"),
                SlotId.of(1), FiscalYear.of(2023), new PhoneNumber("09012345678"), "2024-01", T0, T0, T0);
    }

    @Test
    @DisplayName("a booking snapshot has no live reservation in the slot's year without a slot")
    void snapshot() {
        Slot slot = Slot.of(SlotId.of(1), new SlotSpec(Venue.of("ミリカローデン那珂川"), "ヘルスポートクリニック",
                LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), Duration.ofMinutes(30), 10, T0));
        Optional<Account> none = Optional.empty();

        assertThat(new BookingSnapshot(none, Optional.of(slot), Optional.of(live()), Optional.empty())
                .liveInSlotYear()).isPresent();
        assertThat(new BookingSnapshot(none, Optional.empty(), Optional.empty(), Optional.empty()).slot()).isEmpty();
        assertThatThrownBy(() -> new BookingSnapshot(none, Optional.empty(), Optional.of(live()), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a new booking is a live reservation, never a cancelled one")
    void newBooking() {
        assertThat(new NewBooking(live(), Optional.empty(), T0, Optional.empty()).reservation().live()).isTrue();
        assertThatThrownBy(() -> new NewBooking(live().cancelled(T0, Optional.empty()), Optional.empty(), T0,
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("CHG-1 CNL-1 a reservation stored before promises were kept has the current policy's deadlines")
    void deadlinesWithoutPromise() {
        Reservation booked = live();
        Reservation unpromised = new Reservation(booked.id(), booked.household(), booked.member(), booked.slot(),
                booked.fiscalYear(), booked.status(), booked.phone(), booked.termsVersion(), T0, T0, Optional.empty(),
                Optional.empty(), Optional.empty());
        Deadlines current = new Deadlines(UnionPolicy.defaults());
        LocalDate exam = LocalDate.of(2024, 2, 18);
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");

        // the defaults: change 13 days before, cancel 2 days before, at 00:00 in Tokyo
        assertThat(unpromised.deadline(DeadlineKind.CHANGE, current, exam))
                .isEqualTo(LocalDateTime.of(2024, 2, 5, 0, 0).atZone(tokyo).toInstant());
        assertThat(unpromised.deadline(DeadlineKind.CANCEL, current, exam))
                .isEqualTo(LocalDateTime.of(2024, 2, 16, 0, 0).atZone(tokyo).toInstant());
        // a promised deadline wins over the policy's
        assertThat(booked.deadline(DeadlineKind.CHANGE, current, exam)).isEqualTo(T0);
        assertThatThrownBy(() -> booked.deadline(DeadlineKind.BOOKING, current, exam))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("CNL-2 a cancel records the staff action that made it; a household's cancel keeps the last staff action")
    void staffActionOnCancel() {
        StaffAction change = new StaffAction(new StaffId("clerk-1"), "電話依頼", T0);
        StaffAction cancel = new StaffAction(new StaffId("clerk-2"), "体調不良", T0.plusSeconds(60));

        assertThat(live().cancelled(T0, Optional.of(cancel)).staffAction()).contains(cancel);
        Reservation changedByStaff = live().movedTo(SlotId.of(2), FiscalYear.of(2023), new PhoneNumber("09012345678"),
                T0, Optional.of(change), T0, T0);
        assertThat(changedByStaff.staffAction()).contains(change);
        assertThat(changedByStaff.cancelled(T0, Optional.empty()).staffAction()).contains(change);
        assertThat(changedByStaff.cancelled(T0, Optional.of(cancel)).staffAction()).contains(cancel);
        assertThat(live().cancelled(T0, Optional.empty()).staffAction()).isEmpty();
    }
}
