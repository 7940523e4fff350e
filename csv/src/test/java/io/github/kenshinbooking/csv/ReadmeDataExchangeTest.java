package io.github.kenshinbooking.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.exchange.ImportReport;
import io.github.kenshinbooking.exchange.RetentionReport;
import io.github.kenshinbooking.exchange.RosterQuery;
import io.github.kenshinbooking.schedule.Venue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's "Data exchange" example, kept compiling and passing. */
class ReadmeDataExchangeTest {

    @Test
    @DisplayName("DATA-1 DATA-2 DATA-3 DATA-4 the README's data exchange example: import members and slots, export a roster, purge")
    void example() throws Exception {
        KenshinBooking engine = new Fixture().engine;
        InputStream membersCsv = new ByteArrayInputStream(("記号番号,組合員番号,カナ氏名,漢字氏名,生年月日,性別,資格取得日,資格喪失日,代表者\n"
                + "1999999,1999999-00,ｹﾝｾﾂ ﾀﾛｳ,建設 太郎,1960-02-10,男,1990-03-01,,1\n").getBytes(StandardCharsets.UTF_8));
        InputStream slotsCsv = new ByteArrayInputStream(("会場,健診機関,受診日,開始時刻,所要時間(分),定員,受付開始日時\n"
                + "ミリカローデン那珂川,ヘルスポートクリニック,2024-06-16,9:00,30,10,2024-04-01 09:00\n")
                .getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // --- README data exchange start
        // DATA-3: the union's eligibility list, all rows or none; the same file again changes nothing
        ImportReport members = CsvImport.members(engine.exchange(), membersCsv);      // UTF-8, BOM tolerated
        // DATA-2: slots, all rows or none
        ImportReport slots = CsvImport.slots(engine.exchange(), slotsCsv);
        // DATA-1: the roster of a venue-day for the clinic, UTF-8 with BOM (CsvEncoding.WINDOWS_31J on request)
        RosterCsv.export(engine.exchange(), RosterQuery.day(Venue.of("ミリカローデン那珂川"), LocalDate.of(2024, 6, 16)), out);
        // DATA-4: what the retention purge would do now, then do it (schedule it monthly)
        RetentionReport wouldPurge = engine.retention().dryRun();
        RetentionReport purged = engine.retention().purge();
        // --- README data exchange end

        assertThat(members.added()).isEqualTo(1);
        assertThat(slots.added()).isEqualTo(1);
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).startsWith("\uFEFF予約ID,");
        assertThat(wouldPurge.total()).isZero();
        assertThat(purged.dryRun()).isFalse();
    }

    @Test
    @DisplayName("DATA-1 the README shows exactly the code of this test")
    void readmeShowsThisCode() throws IOException {
        String own = Files.readString(Path.of("src/test/java/io/github/kenshinbooking/csv/ReadmeDataExchangeTest.java"),
                StandardCharsets.UTF_8);
        String start = "// --- README data exchange start\n";
        String block = own.substring(own.indexOf(start) + start.length(),
                own.indexOf("        // --- README data exchange end"));
        String expected = Arrays.stream(block.split("\n"))
                .map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n"));
        assertThat(Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8)).contains(expected);
    }
}
