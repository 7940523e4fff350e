package io.github.kenshinbooking.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MutableClockTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void standsStillUntilSetOrAdvanced() {
        MutableClock c = MutableClock.at(LocalDateTime.of(2024, 2, 5, 0, 0), TOKYO);

        assertThat(c.instant()).isEqualTo(Instant.parse("2024-02-04T15:00:00Z")).isEqualTo(c.instant());
        assertThat(c.advance(Duration.ofSeconds(-1))).isEqualTo(Instant.parse("2024-02-04T14:59:59Z"));
        c.set(LocalDateTime.of(2024, 2, 18, 9, 0));
        assertThat(LocalDateTime.now(c)).isEqualTo(LocalDateTime.of(2024, 2, 18, 9, 0));
        assertThat(c.getZone()).isEqualTo(TOKYO);
    }

    @Test
    void zoneViewsShareTheInstant() {
        MutableClock c = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"), TOKYO);
        MutableClock utc = c.withZone(ZoneId.of("UTC"));

        c.advance(Duration.ofHours(1));

        assertThat(utc.instant()).isEqualTo(Instant.parse("2024-01-01T01:00:00Z"));
        assertThat(utc.getZone()).isEqualTo(ZoneId.of("UTC"));
    }
}
