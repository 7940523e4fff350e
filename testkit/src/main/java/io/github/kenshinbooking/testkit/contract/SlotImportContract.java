package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.LineError;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.exchange.ImportReport;
import io.github.kenshinbooking.exchange.ImportRun;
import io.github.kenshinbooking.exchange.SlotRow;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of the slot import (DATA-2) on an adapter, through {@code engine.exchange().importSlots}:
 * every row added in one unit of work, read back with every field; a file with bad rows adds nothing
 * and reports every bad field with its row's line; HARD-3 applies to each text.
 */
public abstract class SlotImportContract extends DataExchangeSupport {
    private static final LocalDate FROM = LocalDate.of(2024, 4, 1);
    private static final LocalDate TO = LocalDate.of(2025, 4, 1);

    private static SlotRow row(long line, String venue, String date, String start) {
        return new SlotRow(line, venue, "那珂川健診センター", date, start, "30", "10", "2024-04-01 09:00");
    }

    private List<Slot> slots() {
        return storage.slots().findBetween(Optional.empty(), FROM, TO);
    }

    @Test
    @DisplayName("DATA-2 every row becomes a slot with its venue, institution, date, start, minutes, capacity and reception opening")
    void addsEveryRow() throws Exception {
        ImportReport report = engine.exchange().importSlots(List.of(
                new SlotRow(2, " ミリカローデン那珂川 ", "ヘルスポート", "2024/6/16", "９:００", "45", "12", "2024-04-01 09:00"),
                row(3, "ミリカローデン那珂川", "2024-06-16", "10:00"),
                row(4, "博多区 健診センター", "2024-07-01", "13:30")).iterator());

        assertThat(report).isEqualTo(new ImportReport(3, 3, 0, 0));
        List<Slot> slots = slots();
        assertThat(slots).hasSize(3);
        Slot first = slots.get(0);
        assertThat(first.venue()).isEqualTo(Venue.of("ミリカローデン那珂川"));
        assertThat(first.institution()).isEqualTo("ヘルスポート");
        assertThat(first.date()).isEqualTo(LocalDate.of(2024, 6, 16));
        assertThat(first.start()).isEqualTo(LocalTime.of(9, 0));
        assertThat(first.duration()).isEqualTo(Duration.ofMinutes(45));
        assertThat(first.capacity()).isEqualTo(12);
        assertThat(first.reserved()).isZero();
        assertThat(first.receptionOpens())
                .isEqualTo(ZonedDateTime.of(2024, 4, 1, 9, 0, 0, 0, POLICY.zone()).toInstant());
        assertThat(slots.get(2).start()).isEqualTo(LocalTime.of(13, 30));
    }

    @Test
    @DisplayName("DATA-2 STAFF-4 a dry run counts the rows and adds nothing; the import then adds them and is audited once")
    void dryRunThenImport() throws Exception {
        StaffId staff = StaffId.parse("import-staff");
        List<SlotRow> rows = List.of(row(2, "ミリカローデン那珂川", "2024-06-16", "9:00"),
                row(3, "ミリカローデン那珂川", "2024-06-16", "9:30"));
        ImportReport dry = engine.exchange().importSlots(rows.iterator(), ImportRun.dryRun(staff, "確認"));
        assertThat(dry).isEqualTo(new ImportReport(2, 2, 0, 0));
        assertThat(slots()).isEmpty();
        assertThat(audit(AuditAction.SLOTS_IMPORTED)).isEmpty();

        ImportReport applied = engine.exchange().importSlots(rows.iterator(), ImportRun.apply(staff, "6月分の枠"));
        assertThat(applied).isEqualTo(dry);
        assertThat(slots()).hasSize(2);
        List<AuditRecord> records = audit(AuditAction.SLOTS_IMPORTED);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).actor()).isEqualTo(AuditActor.staff(staff));
        assertThat(records.get(0).target()).isEqualTo(AuditTarget.dataImport("slots"));
        assertThat(records.get(0).reason()).contains("6月分の枠");
        assertThat(records.get(0).after()).isEqualTo("rows=2 added=2 changed=0 unchanged=0");

        Refusal bad = catchThrowableOfType(Refusal.class, () -> engine.exchange().importSlots(List.of(
                row(2, "ミリカローデン那珂川", "2024-02-30", "9:00")).iterator(), ImportRun.dryRun(staff, "確認")));
        assertThat(bad.lineErrors()).extracting(LineError::line, LineError::field)
                .containsExactly(tuple(2L, Refusal.FIELD_DATE));
        assertThat(slots()).hasSize(2);
    }

    @Test
    @DisplayName("DATA-2 a file with bad rows adds nothing and reports every bad field with its line")
    void badRowsAddNothing() {
        Refusal r = catchThrowableOfType(Refusal.class, () -> engine.exchange().importSlots(List.of(
                row(2, "ミリカローデン那珂川", "2024-06-16", "9:00"),
                row(3, "ミリカローデン那珂川", "2024-02-30", "9:30"),
                row(4, "ミリカローデン那珂川", "2024-06-16", "10:00"),
                new SlotRow(5, "", "那珂川健診センター", "2024-06-16", "25:00", "0", "-1", "soon"),
                row(6, "ミリカローデン那珂川", "2024-06-16", "10:30")).iterator()));

        assertThat(r.code()).isEqualTo(ErrorCode.IMPORT_INVALID);
        assertThat(r.lineErrors()).extracting(LineError::line, LineError::field).containsExactly(
                tuple(3L, Refusal.FIELD_DATE),
                tuple(5L, Refusal.FIELD_VENUE),
                tuple(5L, Refusal.FIELD_START),
                tuple(5L, Refusal.FIELD_DURATION),
                tuple(5L, Refusal.FIELD_CAPACITY));
        // five reported (the policy's bound), six counted: the reception opening of line 5 too
        assertThat(r.lineErrorCount()).isEqualTo(6);
        assertThat(slots()).isEmpty();
    }

    @Test
    @DisplayName("DATA-2 HARD-3: a control character or malformed UTF-16 in a text is a bad row, reported on its field")
    void inputChecks() {
        Refusal r = catchThrowableOfType(Refusal.class, () -> engine.exchange().importSlots(List.of(
                row(2, "会場\u0000", "2024-06-16", "9:00"),
                new SlotRow(3, "会場", "機関\uD800", "2024-06-16", "9:00", "30", "10", "2024-04-01 09:00"),
                row(4, "会".repeat(Venue.MAX_LENGTH + 1), "2024-06-16", "9:00")).iterator()));

        assertThat(r.lineErrors()).extracting(LineError::line, LineError::field).containsExactly(
                tuple(2L, Refusal.FIELD_VENUE),
                tuple(3L, Refusal.FIELD_INSTITUTION),
                tuple(4L, Refusal.FIELD_VENUE));
        assertThat(r.lineErrors().get(0).detail()).contains("control character");
        assertThat(slots()).isEmpty();
    }

    @Test
    @DisplayName("DATA-2 an empty file adds nothing and reports so")
    void emptyFile() throws Exception {
        assertThat(engine.exchange().importSlots(List.<SlotRow>of().iterator()).changedNothing()).isTrue();
        assertThat(slots()).isEmpty();
    }
}
