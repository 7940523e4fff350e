package io.github.kenshinbooking.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.bench.ScaleCheck.Options;
import io.github.kenshinbooking.bench.ScaleCheck.Result;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The scale check end to end on H2 with a small load: it runs and reads its plans, whatever its timing. */
class ScaleCheckTest {
    @Test
    @DisplayName("SLOT-5, HIST-1: the month calendar and history queries run through the library on H2 and their"
            + " statements use indexes")
    void runsOnH2() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Result r = ScaleCheck.run(Options.parse(new String[] {"--jdbc-url", "jdbc:h2:mem:kb-scale-test", "--slots",
            "250", "--reservations", "5000", "--iterations", "50", "--rounds", "2"}), new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(r.calendar().latency().getTotalCount()).isEqualTo(100);
        assertThat(r.history().latency().getTotalCount()).isEqualTo(100);
        assertThat(r.plansWithoutIndex()).isEmpty();
        // 5 fiscal years, one reservation a year for every member: the history lists all five
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("history (BookingService.history, all): 5 entries");
    }
}
