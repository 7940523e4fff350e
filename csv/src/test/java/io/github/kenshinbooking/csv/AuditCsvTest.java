package io.github.kenshinbooking.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.audit.AuditEntry;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.schedule.Slot;
import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditCsvTest {
    private final Fixture f = new Fixture();

    @Test
    @DisplayName("AUDIT-2 the audit trail of a period as CSV (UTF-8 with BOM): one row per record in order, staff id and"
            + " reason, Tokyo time, no full phone number")
    void exportsAPeriod() throws Exception {
        Slot slot = f.slot(Fixture.VENUE, "ヘルスポート", LocalTime.of(9, 0));
        f.engine.staff().changeCapacity(new StaffId("tanaka"), "増枠, 電話 090-1234-5678 の依頼", slot.id(), 12);
        f.engine.staff().closeSlot(new StaffId("suzuki"), "会場の都合", slot.id());
        AuditQuery all = AuditQuery.period(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"));
        List<AuditEntry> entries = f.storage.audit().read(all, Optional.empty(), 100);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long rows = AuditCsv.export(f.storage.audit(), all, Fixture.TOKYO, out);

        assertThat(rows).isEqualTo(entries.size()).isEqualTo(2);
        byte[] bytes = out.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("090-1234-5678").doesNotContain("09012345678");
        List<List<String>> lines = new ArrayList<>();
        CsvRecords records = CsvRecords.open(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
        for (CsvRecords.Record r = records.next(); r != null; r = records.next()) {
            lines.add(r.fields());
        }
        assertThat(lines.get(0)).containsExactly("連番", "日時", "操作者種別", "操作者", "組合員番号", "経路", "操作",
                "対象種別", "対象", "変更前", "変更後", "理由");
        // the engine's clock stands at 2024-05-01T00:00Z: 09:00 in Tokyo
        assertThat(lines.get(1)).startsWith(Long.toString(entries.get(0).sequence()), "2024/05/01 09:00:00", "STAFF",
                "tanaka", "", "STAFF", "SLOT_CAPACITY_CHANGED", "SLOT", Long.toString(slot.id().value()));
        assertThat(lines.get(1).subList(9, 11)).containsExactly(entries.get(0).record().before(),
                entries.get(0).record().after());
        assertThat(lines.get(1).get(11)).startsWith("増枠, 電話 ").endsWith("5678 の依頼");
        assertThat(lines.get(2)).contains("suzuki", "SLOT_CLOSED", "会場の都合");
        assertThat(lines).hasSize(3);

        ByteArrayOutputStream none = new ByteArrayOutputStream();
        assertThat(AuditCsv.export(f.storage.audit(), AuditQuery.period(Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z")), Fixture.TOKYO, none)).isZero();
    }
}
