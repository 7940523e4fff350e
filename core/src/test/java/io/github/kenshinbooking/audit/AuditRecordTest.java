package io.github.kenshinbooking.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.StaffId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import io.github.kenshinbooking.schedule.Venue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditRecordTest {
    private static final Instant T = Instant.parse("2024-01-10T01:00:00Z");
    private static final AuditTarget TARGET = AuditTarget.reservation(ReservationId.of(5247));

    private static AuditRecord record(String before, String after) {
        return AuditRecord.of(T, AuditActor.household(SymbolNumber.of("1999999")), AuditChannel.WEB,
                AuditAction.BOOKED, TARGET, before, after);
    }

    @Test
    @DisplayName("AUDIT-1 a phone number shows only its last four digits")
    void maskPhone() {
        assertThat(AuditRecord.maskPhone(new PhoneNumber("09012345678"))).isEqualTo("*******5678");
        assertThat(AuditRecord.maskPhone(new PhoneNumber("0921234567"))).isEqualTo("******4567");
    }

    @Test
    @DisplayName("AUDIT-1 phone numbers typed into a summary or reason are masked, with hyphens, spaces or full-width digits; dates are not")
    void maskPhones() {
        assertThat(AuditRecord.maskPhones("tel 090-1234-5678 please")).isEqualTo("tel ***-****-5678 please");
        assertThat(AuditRecord.maskPhones("03 1234 5678")).isEqualTo("** **** 5678");
        assertThat(AuditRecord.maskPhones("０９０１２３４５６７８")).isEqualTo("*******５６７８");
        assertThat(AuditRecord.maskPhones("+81 90-1234-5678")).isEqualTo("+** **-****-5678");
        assertThat(AuditRecord.maskPhones("2024-02-18 09:00 slot=12 予約ID 5247"))
                .isEqualTo("2024-02-18 09:00 slot=12 予約ID 5247");
        assertThat(AuditRecord.maskPhones("012345678")).isEqualTo("012345678"); // 9 digits: not a phone
        assertThat(AuditRecord.maskPhones("090--1234-5678")).isEqualTo("090--1234-5678"); // runs broken by "--"
        AuditRecord r = record("phone 09012345678", "x").withReason("本人 090-1234-5678 より");
        assertThat(r.before()).isEqualTo("phone *******5678");
        assertThat(r.reason()).contains("本人 ***-****-5678 より");
    }

    @Test
    @DisplayName("AUDIT-1 an e-mail address shows its first character and its domain")
    void maskEmail() {
        assertThat(AuditRecord.maskEmail(new EmailAddress("taro.kensetsu@example.jp"))).isEqualTo("t***@example.jp");
    }

    @Test
    @DisplayName("AUDIT-1 summaries are short single-line text; a reason is not blank")
    void validation() {
        assertThatThrownBy(() -> record("x".repeat(AuditRecord.MAX_SUMMARY_LENGTH + 1), ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> record("a\nb", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> record("", "").withReason(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> record("", "").withReason("a\u0000")).isInstanceOf(IllegalArgumentException.class);
        assertThat(record("", "").withReason("行1\n行2").reason()).contains("行1\n行2");
        assertThat(record("", "").reason()).isEmpty();
    }

    @Test
    @DisplayName("AUDIT-1 actors round-trip through kind, id and member; a member only for a household")
    void actors() {
        AuditActor h = AuditActor.household(SymbolNumber.of("1999999"), MemberId.of("1999999-01"));
        assertThat(AuditActor.of(h.kind(), h.id(), h.member())).isEqualTo(h);
        AuditActor s = AuditActor.staff(new StaffId("clerk-7"));
        assertThat(AuditActor.of(s.kind(), s.id(), s.member())).isEqualTo(s);
        AuditActor j = AuditActor.job("schedule");
        assertThat(AuditActor.of(j.kind(), j.id(), j.member())).isEqualTo(j);
        assertThatThrownBy(() -> AuditActor.of(AuditActor.Kind.STAFF, "x", Optional.of(MemberId.of("1-1"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditActor.job(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("AUDIT-2 a query accepts its half-open period and filters; a household actor without member matches every member")
    void query() {
        AuditRecord r = AuditRecord.of(T, AuditActor.household(SymbolNumber.of("1999999"), MemberId.of("1999999-01")),
                AuditChannel.WEB, AuditAction.BOOKED, TARGET, "", "");
        AuditQuery q = AuditQuery.period(T, T.plusSeconds(1));
        assertThat(q.accepts(r)).isTrue();
        assertThat(AuditQuery.period(T.minusSeconds(1), T).accepts(r)).isFalse();
        assertThat(q.byActor(AuditActor.household(SymbolNumber.of("1999999"))).accepts(r)).isTrue();
        assertThat(q.byActor(AuditActor.household(SymbolNumber.of("1999999"), MemberId.of("1999999-02"))).accepts(r))
                .isFalse();
        assertThat(q.byActor(AuditActor.staff(new StaffId("1999999"))).accepts(r)).isFalse();
        assertThat(q.byAction(AuditAction.CANCELLED).accepts(r)).isFalse();
        assertThat(q.byTarget(TARGET).byAction(AuditAction.BOOKED).accepts(r)).isTrue();
        assertThat(q.byTarget(AuditTarget.venueDay(Venue.of("会場"), LocalDate.of(2024, 2, 18))).accepts(r)).isFalse();
        assertThatThrownBy(() -> AuditQuery.period(T, T.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
