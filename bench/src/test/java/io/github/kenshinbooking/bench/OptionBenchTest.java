package io.github.kenshinbooking.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.bench.OptionBench.Options;
import io.github.kenshinbooking.bench.OptionBench.Report;
import io.github.kenshinbooking.bench.OptionBench.Run;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The option bottleneck bench end to end: correctness of what it runs and checks, never its speed. */
class OptionBenchTest {
    private static final int SLOTS = 30;
    private static final int OPTION_PLACES = 4;

    @Test
    @DisplayName("OPT-2, SLOT-3, ONE-1: 4 clients on slots whose test has 4 places on H2 overbook neither slot nor test,"
            + " through the library and through the raw loop of its statements")
    void smokeOnH2() throws Exception {
        smoke("jdbc:h2:mem:kb-option-bench-test");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "KENSHIN_PG_URL", matches = ".+")
    @DisplayName("OPT-2, SLOT-3, ONE-1: the same on PostgreSQL, where a booking with a test takes the transaction path")
    void smokeOnPostgres() throws Exception {
        smoke(System.getenv("KENSHIN_PG_URL"));
    }

    private static void smoke(String url) throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Report report = OptionBench.run(Options.parse(new String[] {"--jdbc-url", url, "--clients", "4",
            "--seconds", "0.5", "--repeat", "2", "--option-slots", Integer.toString(SLOTS), "--slot-capacity", "100",
            "--option-places", Integer.toString(OPTION_PLACES), "--households", "100", "--pool", "4",
            "--history-years", "0", "--warmup", "0.2"}), new PrintStream(text, true, StandardCharsets.UTF_8));

        String printed = text.toString(StandardCharsets.UTF_8);
        // 2 rounds of a library run and a raw run each
        assertThat(report.runs()).as(printed).hasSize(4);
        assertThat(report.runs()).extracting(Run::mechanism).containsExactly(OptionBench.LIBRARY, OptionBench.RAW,
                OptionBench.RAW, OptionBench.LIBRARY);
        for (Run r : report.runs()) {
            assertThat(r.check().problems()).as(printed).isEmpty();
            assertThat(r.errors()).as(printed).isEmpty();
            assertThat(r.booked()).isPositive().isEqualTo(r.check().liveRows()).isEqualTo(r.check().holders());
            // the test caps every slot at OPTION_PLACES bookings, whatever the timing (OPT-2)
            assertThat(r.booked()).isLessThanOrEqualTo((long) SLOTS * OPTION_PLACES);
            assertThat(r.refusals().keySet()).isSubsetOf("OPTION_FULL");
            assertThat(r.attempts()).isEqualTo(r.booked() + r.refusals().values().stream().mapToLong(Long::longValue).sum());
            // a slot is left behind only once its test's places are all taken
            assertThat(r.booked()).isGreaterThanOrEqualTo(r.slotsSoldOut() * OPTION_PLACES);
        }
        assertThat(report.librarySql()).anyMatch(s -> s.contains("kb_slot_option"));
        assertThat(report.sqlMatches()).as("the raw loop sends the library's statements:%n%s", printed).isTrue();
        assertThat(report.rawSql()).isEqualTo(report.librarySql());
        assertThat(report.ok()).isTrue();
        assertThat(printed).contains("every run verified (no slot or test overbooked, counters = live rows, all or none, ONE-1, no errors): yes");
    }
}
