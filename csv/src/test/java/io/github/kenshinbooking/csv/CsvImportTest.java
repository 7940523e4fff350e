package io.github.kenshinbooking.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.LineError;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.exchange.ImportReport;
import io.github.kenshinbooking.exchange.ImportRun;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.schedule.Slot;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvImportTest {
    private static final String MEMBERS_HEADER = "記号番号,組合員番号,カナ氏名,漢字氏名,生年月日,性別,資格取得日,資格喪失日,代表者\r\n";
    private final Fixture f = new Fixture();

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[body.length + 3];
        all[0] = (byte) 0xEF;
        all[1] = (byte) 0xBB;
        all[2] = (byte) 0xBF;
        System.arraycopy(body, 0, all, 3, body.length);
        return new ByteArrayInputStream(all);
    }

    private List<Slot> slots() {
        return f.storage.slots().findBetween(Optional.empty(), LocalDate.of(2024, 4, 1), LocalDate.of(2025, 4, 1));
    }

    private Refusal refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Refusal r = catchThrowableOfType(Refusal.class, call);
        assertThat(r).isNotNull();
        assertThat(r.code()).isEqualTo(ErrorCode.IMPORT_INVALID);
        return r;
    }

    @Test
    @DisplayName("DATA-2 DATA-3 STAFF-4 a staff run: the dry run reports the file's line errors and writes nothing, then the import writes")
    void staffRunWithDryRun() throws Exception {
        StaffId clerk = new StaffId("clerk-7");
        String bad = MEMBERS_HEADER + "1999999,1999999-00,ﾀｶｻｷ ｼﾞﾛｳ,髙﨑 次郎,1960/2/30,男,2000/4/1,,1\r\n";
        Refusal r = refusal(() -> CsvImport.members(f.engine.exchange(), utf8(bad), StandardCharsets.UTF_8,
                ImportRun.dryRun(clerk, "確認")));
        assertThat(r.lineErrors()).extracting(LineError::line).containsExactly(2L);

        String good = bad.replace("1960/2/30", "1960/2/10");
        assertThat(CsvImport.members(f.engine.exchange(), utf8(good), StandardCharsets.UTF_8,
                ImportRun.dryRun(clerk, "確認"))).isEqualTo(new ImportReport(1, 1, 0, 0));
        assertThat(f.directory.find(SymbolNumber.of("1999999"))).isEmpty();
        assertThat(CsvImport.members(f.engine.exchange(), utf8(good), StandardCharsets.UTF_8,
                ImportRun.apply(clerk, "年度更新"))).isEqualTo(new ImportReport(1, 1, 0, 0));
        assertThat(f.directory.find(SymbolNumber.of("1999999"))).isPresent();

        String slotFile = "会場,健診機関,受診日,開始時刻,所要時間(分),定員,受付開始日時\r\n"
                + "ミリカローデン那珂川,ヘルスポート,2024/6/16,9:00,30,10,2024-04-01 09:00\r\n";
        assertThat(CsvImport.slots(f.engine.exchange(), utf8(slotFile), StandardCharsets.UTF_8,
                ImportRun.dryRun(clerk, "確認")).added()).isEqualTo(1);
        assertThat(slots()).isEmpty();
        CsvImport.slots(f.engine.exchange(), utf8(slotFile), StandardCharsets.UTF_8, ImportRun.apply(clerk, "6月分"));
        assertThat(slots()).hasSize(1);
    }

    @Test
    @DisplayName("DATA-2 slots from UTF-8 with BOM, columns in any order, by English or Japanese header")
    void slotsInAnyColumnOrder() throws Exception {
        ImportReport report = CsvImport.slots(f.engine.exchange(), withBom(
                "date,venue,健診機関,start,所要時間(分),capacity,受付開始日時\r\n"
                + "2024/6/16,ミリカローデン那珂川,\"ヘルスポート, 本館\",9:00,30,10,2024-04-01 09:00\r\n"
                + "\r\n"
                + "2024-06-16,ミリカローデン那珂川,ヘルスポート,9:30,45,8,2024/4/1 9:00\r\n"));

        assertThat(report).isEqualTo(new ImportReport(2, 2, 0, 0));
        assertThat(slots()).extracting(Slot::institution, Slot::start, Slot::duration, Slot::capacity).containsExactly(
                tuple("ヘルスポート, 本館", LocalTime.of(9, 0), Duration.ofMinutes(30), 10),
                tuple("ヘルスポート", LocalTime.of(9, 30), Duration.ofMinutes(45), 8));
    }

    @Test
    @DisplayName("DATA-2 line numbers are the file's lines: a quoted field over two lines moves the next row to line 4")
    void lineNumbersCountFileLines() {
        Refusal r = refusal(() -> CsvImport.slots(f.engine.exchange(), utf8(
                "会場,健診機関,受診日,開始時刻,所要時間(分),定員,受付開始日時\n"
                + "ミリカ,\"二行の\n機関\",2024-06-16,9:00,30,10,2024-04-01 09:00\n"
                + "ミリカ,機関,2024-06-31,9:00,30,10,2024-04-01 09:00\n"
                + "ミリカ,機関,2024-06-16,9:00,30,10,2024-04-01 09:00,extra\n")));

        assertThat(r.lineErrors()).extracting(LineError::line, LineError::field).containsExactly(
                tuple(2L, Refusal.FIELD_INSTITUTION), tuple(4L, Refusal.FIELD_DATE), tuple(5L, Refusal.FIELD_ROW));
        assertThat(r.lineErrors().get(0).detail()).contains("control character");
        assertThat(slots()).isEmpty();
    }

    @Test
    @DisplayName("DATA-2 the header row is required: a missing or unknown column, or an empty file, is reported on line 1")
    void header() {
        Refusal missing = refusal(() -> CsvImport.slots(f.engine.exchange(), utf8(
                "会場,健診機関,受診日,開始時刻,定員,受付開始日時,備考\nミリカ,機関,2024-06-16,9:00,10,2024-04-01 09:00,x\n")));
        assertThat(missing.lineErrors()).extracting(LineError::line, LineError::detail).containsExactly(
                tuple(1L, "unknown column \"備考\""), tuple(1L, "missing column \"所要時間(分)\" (duration)"));

        Refusal empty = refusal(() -> CsvImport.slots(f.engine.exchange(), utf8("")));
        assertThat(empty.lineErrors()).extracting(LineError::line, LineError::field)
                .containsExactly(tuple(1L, Refusal.FIELD_HEADER));
        assertThat(slots()).isEmpty();
    }

    @Test
    @DisplayName("DATA-2 bytes that are not UTF-8, or an unclosed quote, are a bad row on their line")
    void brokenFiles() {
        byte[] header = "会場,健診機関,受診日,開始時刻,所要時間(分),定員,受付開始日時\nミリカ,機関,2024-06-16,9:00,30,10,2024-04-01 09:00\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] bad = "ミリカ,機関,2024-06-16,9:30,30,10,2024-04-01 09:00\n".getBytes(Charset.forName("windows-31j"));
        byte[] all = new byte[header.length + bad.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(bad, 0, all, header.length, bad.length);
        Refusal notUtf8 = refusal(() -> CsvImport.slots(f.engine.exchange(), new ByteArrayInputStream(all)));
        assertThat(notUtf8.lineErrors()).extracting(LineError::line, LineError::field)
                .containsExactly(tuple(3L, Refusal.FIELD_ROW));
        assertThat(notUtf8.lineErrors().get(0).detail()).contains("not valid UTF-8");

        Refusal unclosed = refusal(() -> CsvImport.slots(f.engine.exchange(), utf8(
                "会場,健診機関,受診日,開始時刻,所要時間(分),定員,受付開始日時\nミリカ,\"機関,2024-06-16,9:00,30,10,2024-04-01 09:00\n")));
        assertThat(unclosed.lineErrors()).extracting(LineError::field).containsExactly(Refusal.FIELD_ROW);
        assertThat(unclosed.lineErrors().get(0).detail()).contains("malformed CSV");
        assertThat(slots()).isEmpty();
    }

    @Test
    @DisplayName("DATA-3 members from Windows-31J: 髙﨑 arrives intact; the same file again changes nothing and says so")
    void membersInWindows31j() throws Exception {
        Charset sjis = Charset.forName("windows-31j");
        String file = MEMBERS_HEADER
                + "1999999,1999999-00,ﾀｶｻｷ ｼﾞﾛｳ,髙﨑 次郎,1960/2/10,男,2000/4/1,,1\r\n"
                + "1999999,1999999-01,ﾀｶｻｷ ﾊﾅｺ,髙﨑 花子,1962/3/3,女,2000/4/1,2030/3/31,0\r\n";

        ImportReport first = CsvImport.members(f.engine.exchange(), new ByteArrayInputStream(file.getBytes(sjis)), sjis);
        ImportReport again = CsvImport.members(f.engine.exchange(), new ByteArrayInputStream(file.getBytes(sjis)), sjis);

        assertThat(first).isEqualTo(new ImportReport(2, 1, 0, 0));
        assertThat(again).isEqualTo(new ImportReport(2, 0, 0, 1));
        Household h = f.directory.find(SymbolNumber.of("1999999")).orElseThrow();
        assertThat(h.representative().name()).isEqualTo("髙﨑 次郎");
        assertThat(h.members().get(1).qualifiedUntil()).contains(LocalDate.of(2030, 3, 31));
    }

    @Test
    @DisplayName("DATA-3 without the optional 資格喪失日 column members import; a bad row writes nothing")
    void membersAllOrNothing() throws Exception {
        String header = "symbolNumber,memberId,kana,name,birthDate,sex,qualifiedFrom,representative\n";
        Refusal r = refusal(() -> CsvImport.members(f.engine.exchange(), utf8(header
                + "1999999,1999999-00,ｹﾝｾﾂ ﾀﾛｳ,建設 太郎,1960-02-10,M,2000-04-01,1\n"
                + "2888888,2888888-00,ｹﾝｾﾂ ｼﾞﾛｳ,建設 次郎,1960-02-30,M,2000-04-01,1\n")));
        assertThat(r.lineErrors()).extracting(LineError::line, LineError::field)
                .containsExactly(tuple(3L, Refusal.FIELD_BIRTH_DATE));
        assertThat(f.directory.find(SymbolNumber.of("1999999"))).isEmpty();

        ImportReport ok = CsvImport.members(f.engine.exchange(), utf8(header
                + "1999999,1999999-00,ｹﾝｾﾂ ﾀﾛｳ,建設 太郎,1960-02-10,M,2000-04-01,1\n"));
        assertThat(ok).isEqualTo(new ImportReport(1, 1, 0, 0));
    }
}
