package io.github.kenshinbooking.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.eligibility.Eligibility;
import io.github.kenshinbooking.error.AgeLimit;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.schedule.Deadlines;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.SlotStatus;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BookingRulesTest {
    private static final UnionPolicy POLICY = UnionPolicy.defaults();
    private static final BookingRules RULES = new BookingRules(new Deadlines(POLICY), new Eligibility(POLICY));
    private static final LocalDate EXAM = LocalDate.of(2024, 2, 18);
    private static final Instant OPENS = Instant.parse("2023-11-30T15:00:00Z");
    /** Inside the window: booking closes 13 days before the exam at 00:00 JST. */
    private static final Instant OPEN = Instant.parse("2024-01-10T01:00:00Z");
    private static final Member ELIGIBLE = member(LocalDate.of(1960, 2, 10), LocalDate.of(1990, 3, 1));
    private static final Member TOO_YOUNG_AND_UNQUALIFIED = member(LocalDate.of(2000, 1, 1), LocalDate.of(2030, 1, 1));

    private static Member member(LocalDate birth, LocalDate qualifiedFrom) {
        return new Member(MemberId.of("1999999-01"), KanaName.of("ｹﾝｾﾂ ﾀﾛｳ"), "建設 太郎", birth, Sex.M, qualifiedFrom,
                Optional.empty(), true);
    }

    private static Slot slot(int capacity, int reserved, boolean cancelled) {
        return new Slot(SlotId.of(1), Venue.of("ミリカローデン那珂川"), "ヘルスポートクリニック", EXAM, LocalTime.of(9, 0),
                Duration.ofMinutes(30), capacity, OPENS, reserved, cancelled);
    }

    private static ErrorCode refusal(Member m, Slot s, boolean live, Instant now) {
        try {
            RULES.check(m, s, live, now);
            return null;
        } catch (Refusal r) {
            return r.code();
        }
    }

    @Test
    @DisplayName("ELIG-2 ORDER-1 NOT_ELIGIBLE_AGE says too young or too old; other refusals carry no age limit")
    void ageLimitDetail() {
        Slot open = slot(10, 0, false);
        // FY2023 (exam 2024-02-18) ends 2024-03-31: born 1984-04-02 attains only 39 within it
        Member young = member(LocalDate.of(1984, 4, 2), LocalDate.of(1990, 3, 1));
        // 75 on 2024-02-18
        Member old = member(LocalDate.of(1949, 2, 18), LocalDate.of(1990, 3, 1));
        assertThatThrownBy(() -> RULES.check(young, open, false, OPEN)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.NOT_ELIGIBLE_AGE);
            assertThat(r.ageLimit()).contains(AgeLimit.TOO_YOUNG);
        });
        assertThatThrownBy(() -> RULES.check(old, open, false, OPEN)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.NOT_ELIGIBLE_AGE);
            assertThat(r.ageLimit()).contains(AgeLimit.TOO_OLD);
        });
        assertThatThrownBy(() -> RULES.check(ELIGIBLE, slot(1, 1, false), false, OPEN))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.ageLimit()).isEmpty());
    }

    @Test
    @DisplayName("ORDER-1 the checks are listed in the order their refusals are answered")
    void order() {
        assertThat(BookingCheck.values()).containsExactly(BookingCheck.EVENT_DAY, BookingCheck.SLOT_OPEN,
                BookingCheck.RECEPTION, BookingCheck.AGE, BookingCheck.QUALIFICATION, BookingCheck.ONE_PER_FISCAL_YEAR,
                BookingCheck.OPTIONS, BookingCheck.CAPACITY, BookingCheck.OPTION_CAPACITY);
        // ORDER-1 with courses and options: the course with the age, options after ONE-1 and before
        // SLOT_FULL, OPTION_FULL after SLOT_FULL
        assertThat(BookingCheck.AGE.refusals()).startsWith(ErrorCode.NOT_ELIGIBLE_AGE);
        assertThat(BookingCheck.OPTIONS.refusals()).containsExactly(ErrorCode.OPTION_NOT_ELIGIBLE);
        assertThat(BookingCheck.OPTION_CAPACITY.refusals()).containsExactly(ErrorCode.OPTION_FULL);
        assertThat(BookingCheck.SLOT_OPEN.refusals()).containsExactly(ErrorCode.SLOT_CLOSED);
        assertThat(BookingCheck.RECEPTION.refusals()).containsExactly(ErrorCode.RECEPTION_NOT_OPEN,
                ErrorCode.BOOKING_CLOSED);
    }

    @Test
    @DisplayName("ORDER-1 when everything fails, EVENT_CANCELLED comes first, then each next check as the earlier ones pass")
    void firstFailingWins() {
        Slot fullCancelled = slot(1, 1, true);
        Instant before = OPENS.minusSeconds(1);
        assertThat(refusal(TOO_YOUNG_AND_UNQUALIFIED, fullCancelled, true, before)).isEqualTo(ErrorCode.EVENT_CANCELLED);
        Slot full = slot(1, 1, false);
        assertThat(refusal(TOO_YOUNG_AND_UNQUALIFIED, full, true, before)).isEqualTo(ErrorCode.RECEPTION_NOT_OPEN);
        assertThat(refusal(TOO_YOUNG_AND_UNQUALIFIED, full, true, Instant.parse("2024-02-05T00:00:00Z")))
                .isEqualTo(ErrorCode.BOOKING_CLOSED);
        assertThat(refusal(TOO_YOUNG_AND_UNQUALIFIED, full, true, OPEN)).isEqualTo(ErrorCode.NOT_ELIGIBLE_AGE);
        Member unqualified = member(LocalDate.of(1960, 2, 10), LocalDate.of(2030, 1, 1));
        assertThat(refusal(unqualified, full, true, OPEN)).isEqualTo(ErrorCode.NOT_QUALIFIED);
        assertThat(refusal(ELIGIBLE, full, true, OPEN)).isEqualTo(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        assertThat(refusal(ELIGIBLE, full, false, OPEN)).isEqualTo(ErrorCode.SLOT_FULL);
        assertThat(refusal(ELIGIBLE, slot(1, 0, false), false, OPEN)).isNull();
    }

    private static Slot closed(int capacity, int reserved, boolean cancelled) {
        Slot s = slot(capacity, reserved, cancelled);
        return new Slot(s.id(), s.venue(), s.institution(), s.date(), s.start(), s.duration(), s.capacity(),
                s.receptionOpens(), s.reserved(), s.eventCancelled(), true);
    }

    @Test
    @DisplayName("STAFF-3 ORDER-1 a slot closed by staff answers SLOT_CLOSED where EVENT_CANCELLED stands, after it")
    void closedSlot() {
        Instant before = OPENS.minusSeconds(1);
        assertThat(refusal(TOO_YOUNG_AND_UNQUALIFIED, closed(1, 1, true), true, before))
                .isEqualTo(ErrorCode.EVENT_CANCELLED);
        assertThat(refusal(TOO_YOUNG_AND_UNQUALIFIED, closed(1, 1, false), true, before))
                .isEqualTo(ErrorCode.SLOT_CLOSED);
        assertThat(refusal(ELIGIBLE, closed(5, 0, false), false, OPEN)).isEqualTo(ErrorCode.SLOT_CLOSED);
        assertThat(RULES.status(closed(5, 0, false), false, OPEN)).isEqualTo(SlotStatus.OUTSIDE_RECEPTION);
        assertThat(RULES.status(closed(5, 1, false), true, OPEN)).isEqualTo(SlotStatus.RESERVED);
    }

    private static ErrorCode refusal(Member m, Slot s, boolean live, Instant now, ReceptionClosing closing) {
        try {
            RULES.check(m, s, live, now, closing);
            return null;
        } catch (Refusal r) {
            return r.code();
        }
    }

    @Test
    @DisplayName("STAFF-2 staff may override the closing of the reception window only: its opening and every other check hold")
    void closingOverride() {
        Instant closes = Instant.parse("2024-02-04T15:00:00Z");
        Slot open = slot(5, 0, false);
        assertThat(refusal(ELIGIBLE, open, false, closes, ReceptionClosing.ENFORCED))
                .isEqualTo(ErrorCode.BOOKING_CLOSED);
        assertThat(refusal(ELIGIBLE, open, false, closes, ReceptionClosing.OVERRIDDEN)).isNull();
        assertThat(refusal(ELIGIBLE, open, false, OPENS.minusSeconds(1), ReceptionClosing.OVERRIDDEN))
                .isEqualTo(ErrorCode.RECEPTION_NOT_OPEN);
        assertThat(refusal(TOO_YOUNG_AND_UNQUALIFIED, open, false, closes, ReceptionClosing.OVERRIDDEN))
                .isEqualTo(ErrorCode.NOT_ELIGIBLE_AGE);
        assertThat(refusal(ELIGIBLE, open, true, closes, ReceptionClosing.OVERRIDDEN))
                .isEqualTo(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        assertThat(refusal(ELIGIBLE, slot(1, 1, false), false, closes, ReceptionClosing.OVERRIDDEN))
                .isEqualTo(ErrorCode.SLOT_FULL);
        assertThat(refusal(ELIGIBLE, slot(1, 0, true), false, closes, ReceptionClosing.OVERRIDDEN))
                .isEqualTo(ErrorCode.EVENT_CANCELLED);
        assertThat(refusal(ELIGIBLE, closed(1, 0, false), false, closes, ReceptionClosing.OVERRIDDEN))
                .isEqualTo(ErrorCode.SLOT_CLOSED);
    }

    @Test
    @DisplayName("SLOT-4 the calendar's status comes from the same checks about the slot, ignoring the member (ELIG-4)")
    void status() {
        assertThat(RULES.status(slot(1, 1, true), true, OPEN)).isEqualTo(SlotStatus.RESERVED);
        assertThat(RULES.status(slot(1, 1, true), false, OPEN)).isEqualTo(SlotStatus.OUTSIDE_RECEPTION);
        assertThat(RULES.status(slot(1, 0, false), false, OPENS.minusSeconds(1))).isEqualTo(SlotStatus.OUTSIDE_RECEPTION);
        assertThat(RULES.status(slot(1, 1, false), false, OPEN)).isEqualTo(SlotStatus.FULL);
        assertThat(RULES.status(slot(1, 0, false), false, OPEN)).isEqualTo(SlotStatus.AVAILABLE);
    }

    @Test
    @DisplayName("SLOT-2 the window opens at its instant and booking closes 13 days before the exam at 00:00 JST")
    void receptionBounds() {
        Slot open = slot(5, 0, false);
        assertThat(refusal(ELIGIBLE, open, false, OPENS)).isNull();
        Instant closes = Instant.parse("2024-02-04T15:00:00Z");
        assertThat(refusal(ELIGIBLE, open, false, closes.minusNanos(1))).isNull();
        assertThat(refusal(ELIGIBLE, open, false, closes)).isEqualTo(ErrorCode.BOOKING_CLOSED);
        assertThatThrownBy(() -> RULES.check(null, open, false, OPEN)).isInstanceOf(NullPointerException.class);
    }
}
