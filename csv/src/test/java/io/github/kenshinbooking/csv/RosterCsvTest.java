package io.github.kenshinbooking.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.kenshinbooking.eligibility.CourseFamily;
import io.github.kenshinbooking.eligibility.ExamChoice;
import io.github.kenshinbooking.exchange.RosterQuery;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RosterCsvTest {
    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    private final Fixture f = new Fixture();

    private byte[] export(CsvEncoding encoding) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RosterCsv.export(f.engine.exchange(), RosterQuery.day(Fixture.VENUE, Fixture.DAY), out, encoding);
        return out.toByteArray();
    }

    @Test
    @DisplayName("DATA-1 UTF-8 with BOM by default: the header, then a row per reservation with every column, CRLF;"
            + " fields with a comma or a space quoted")
    void utf8WithBom() throws Exception {
        f.household("1999999", Fixture.member("1999999-00", "ｹﾝｾﾂ ﾀﾛｳ", "建設 太郎", LocalDate.of(1960, 2, 10), Sex.M));
        f.household("2888888", Fixture.member("2888888-00", "ｹﾝｾﾂ ﾊﾅｺ", "建設 花子", LocalDate.of(1972, 6, 1), Sex.F));
        Slot ten = f.slot(Fixture.VENUE, "健診センター, 本館", LocalTime.of(10, 0));
        Slot nine = f.slot(Fixture.VENUE, "ヘルスポート", LocalTime.of(9, 30));
        Reservation hanako = f.book("2888888", "2888888-00", ten, "0921234567");
        Reservation taro = f.book("1999999", "1999999-00", nine, "09012345678");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long rows = RosterCsv.export(f.engine.exchange(), RosterQuery.day(Fixture.VENUE, Fixture.DAY), out);

        assertThat(rows).isEqualTo(2);
        byte[] bytes = out.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(
                "予約ID,受診日,開始時刻,会場,健診機関,記号番号,組合員番号,カナ氏名,漢字氏名,生年月日,性別,日中の連絡先,"
                + "コース,オプション検査,コースコード,オプション検査コード\r\n"
                + taro.id() + ",2024/06/16,09:30,ミリカローデン那珂川,ヘルスポート,1999999,1999999-00,\"ｹﾝｾﾂ ﾀﾛｳ\",\"建設 太郎\","
                + "1960/02/10,男,09012345678,特定健診,,default,\r\n"
                + hanako.id() + ",2024/06/16,10:00,ミリカローデン那珂川,\"健診センター, 本館\",2888888,2888888-00,\"ｹﾝｾﾂ ﾊﾅｺ\","
                + "\"建設 花子\",1972/06/01,女,0921234567,特定健診,,default,\r\n");
    }

    @Test
    @DisplayName("DATA-1 CRS-1 OPT-2 the course and the optional tests by name for the staff and by code for the"
            + " institution's software, several tests in code order")
    void courseAndTests() throws Exception {
        f.household("2888888", Fixture.member("2888888-00", "ｹﾝｾﾂ ﾊﾅｺ", "建設 花子", LocalDate.of(1972, 6, 1), Sex.F));
        Slot s = f.slotWithTests(Fixture.VENUE, "ヘルスポート", LocalTime.of(9, 0));
        Reservation r = f.book("2888888", "2888888-00", s, "0921234567", new ExamChoice(Fixture.CANCER_SET,
                CourseFamily.DEFAULT, new TreeSet<>(Set.of(Fixture.STOMACH_XRAY, Fixture.MAMMOGRAPHY))));

        String text = new String(export(CsvEncoding.UTF_8_BOM), StandardCharsets.UTF_8);

        // codes sort "mammography" before "stomach-xray": the names follow the codes' order
        assertThat(text).endsWith(r.id() + ",2024/06/16,09:00,ミリカローデン那珂川,ヘルスポート,2888888,2888888-00,"
                + "\"ｹﾝｾﾂ ﾊﾅｺ\",\"建設 花子\",1972/06/01,女,0921234567,特定健診＋がん検診セット,マンモグラフィ、胃部X線,"
                + "cancer-set,\"mammography stomach-xray\"\r\n");
    }

    @Test
    @DisplayName("DATA-1 a member no longer on record is listed with empty name, birth date and sex")
    void memberGone() throws Exception {
        Slot s = f.slot(Fixture.VENUE, "ヘルスポート", LocalTime.of(9, 0));
        Reservation r = f.book("1999999", "1999999-00", s, "0921234567");

        String text = new String(export(CsvEncoding.UTF_8), StandardCharsets.UTF_8);

        assertThat(text.split("\r\n")[1]).isEqualTo(r.id() + ",2024/06/16,09:00,ミリカローデン那珂川,ヘルスポート,"
                + "1999999,1999999-00,,,,,0921234567,特定健診,,default,");
    }

    @Test
    @DisplayName("DATA-1 Windows-31J on request: 髙 (U+9AD9) and 﨑 (U+FA11), which Shift_JIS lacks, round-trip")
    void windows31jRoundTrip() throws Exception {
        assertThat(Charset.forName("Shift_JIS").newEncoder().canEncode("髙﨑")).isFalse();
        f.household("1999999", Fixture.member("1999999-00", "ﾀｶｻｷ ｼﾞﾛｳ", "髙﨑 次郎", LocalDate.of(1960, 2, 10), Sex.M));
        f.book("1999999", "1999999-00", f.slot(Fixture.VENUE, "髙﨑クリニック", LocalTime.of(9, 0)), "0921234567");

        byte[] bytes = export(CsvEncoding.WINDOWS_31J);

        assertThat(bytes[0]).isNotEqualTo((byte) 0xEF); // no BOM
        String text = new String(bytes, WINDOWS_31J);
        assertThat(text).startsWith("予約ID,受診日,").contains(",髙﨑クリニック,1999999,1999999-00,\"ﾀｶｻｷ ｼﾞﾛｳ\",\"髙﨑 次郎\",1960/02/10,男,");
        // half-width katakana are one byte each in Windows-31J
        assertThat(bytes.length).isLessThan(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    @DisplayName("DATA-1 Windows-31J: a name with 𠮷 (U+20BB7), which it has no code for, stops the export with the row and column named")
    void windows31jRefusesWhatItCannotWrite() throws Exception {
        f.household("1999999", Fixture.member("1999999-00", "ﾖｼﾀﾞ ﾀﾛｳ", "\uD842\uDFB7田 太郎", LocalDate.of(1960, 2, 10),
                Sex.M));
        Reservation r = f.book("1999999", "1999999-00", f.slot(Fixture.VENUE, "ヘルスポート", LocalTime.of(9, 0)),
                "0921234567");

        CsvEncodingException e = catchThrowableOfType(CsvEncodingException.class, () -> export(CsvEncoding.WINDOWS_31J));

        assertThat(e.reservation()).isEqualTo(r.id().value());
        assertThat(e.column()).isEqualTo("漢字氏名");
        assertThat(e.codePoint()).isEqualTo(0x20BB7);
        assertThat(e.getMessage()).contains("予約ID " + r.id(), "漢字氏名", "U+20BB7", "windows-31j", "UTF-8");
        // the same roster in UTF-8 is fine
        assertThat(new String(export(CsvEncoding.UTF_8_BOM), StandardCharsets.UTF_8)).contains("\uD842\uDFB7田 太郎");
    }
}
