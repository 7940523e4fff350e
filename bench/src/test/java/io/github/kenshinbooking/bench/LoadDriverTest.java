package io.github.kenshinbooking.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.bench.LoadDriver.Options;
import io.github.kenshinbooking.bench.LoadDriver.Point;
import io.github.kenshinbooking.bench.LoadDriver.Report;
import io.github.kenshinbooking.bench.LoadDriver.Shape;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The load driver end to end on H2: correctness of what it runs and checks, never its speed. */
class LoadDriverTest {
    private static final int HOT_CAPACITY = 10;

    @Test
    @DisplayName("SLOT-3, ONE-1: 2 clients per mechanism and shape on H2 leave no slot over capacity, remaining"
            + " = capacity - live rows, one live reservation per member and year, one mail per booking")
    void runsAndVerifiesOnH2() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Report report = LoadDriver.run(Options.parse(new String[] {"--jdbc-url", "jdbc:h2:mem:kb-load-driver-test",
            "--clients", "2", "--seconds", "0.3", "--warmup", "0", "--shape", "both", "--pool", "4",
            "--households", "300", "--hot-capacity", Integer.toString(HOT_CAPACITY)}),
                new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(report.sqlMatches()).as("the raw loop sends the library's statements").isTrue();
        // both shapes x the three default mechanisms (the one-statement proposal runs only when asked)
        assertThat(report.points()).hasSize(2 * 3);
        for (Point p : report.points()) {
            assertThat(p.verification().problems()).as(p.shape() + " " + p.mechanism()).isEmpty();
            assertThat(p.errors()).as(p.shape() + " " + p.mechanism()).isEmpty();
            assertThat(p.booked()).isPositive().isEqualTo(p.verification().liveRows());
            assertThat(p.attempts()).isEqualTo(p.booked() + p.refusals().values().stream().mapToLong(Long::longValue).sum());
            if (p.shape() == Shape.HOT) {
                // five slots of HOT_CAPACITY places: SLOT-3 caps the bookings whatever the timing
                assertThat(p.booked()).isLessThanOrEqualTo(5L * HOT_CAPACITY);
                assertThat(p.refusals().keySet()).isSubsetOf("SLOT_FULL");
            } else {
                assertThat(p.refusals()).isEmpty();
            }
        }
        assertThat(report.ok()).isTrue();
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("| library / raw same-SQL |");
    }
}
