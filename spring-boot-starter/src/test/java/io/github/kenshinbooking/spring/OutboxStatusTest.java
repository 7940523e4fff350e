package io.github.kenshinbooking.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A reading of the outbox: counts and ages. */
class OutboxStatusTest {
    private static final Instant T0 = Instant.parse("2024-01-10T01:00:00Z");

    private static OutboxEntry entry(long id, Instant created, int attempts, boolean sent) {
        return new OutboxEntry(id, Notification.of(NotificationKind.BOOKED, "taro@example.jp", Map.of()), created,
                attempts, created, sent ? Optional.of(created.plusSeconds(1)) : Optional.empty(),
                attempts > 0 ? Optional.of("refused") : Optional.empty());
    }

    @Test
    @DisplayName("nothing unsent: zero counts and ages")
    void empty() {
        OutboxStatus s = OutboxStatus.of(T0, List.of());
        assertThat(s.pending()).isZero();
        assertThat(s.failing()).isZero();
        assertThat(s.oldestPendingAge()).isZero();
        assertThat(s.failingFor()).isZero();
    }

    @Test
    @DisplayName("sent entries do not count; the oldest unsent and the oldest failed give the ages")
    void ages() {
        OutboxStatus s = OutboxStatus.of(T0.plus(Duration.ofHours(2)), List.of(
                entry(1, T0, 0, true),
                entry(2, T0.plus(Duration.ofMinutes(10)), 0, false),
                entry(3, T0.plus(Duration.ofMinutes(30)), 3, false),
                entry(4, T0.plus(Duration.ofMinutes(50)), 1, false)));
        assertThat(s.pending()).isEqualTo(3);
        assertThat(s.failing()).isEqualTo(2);
        assertThat(s.oldestPendingAge()).isEqualTo(Duration.ofMinutes(110));
        assertThat(s.failingFor()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    @DisplayName("an entry recorded after the reading's instant (clocks of two instances) has age zero, not negative")
    void futureEntry() {
        OutboxStatus s = OutboxStatus.of(T0, List.of(entry(1, T0.plusSeconds(5), 1, false)));
        assertThat(s.oldestPendingAge()).isZero();
        assertThat(s.failingFor()).isZero();
    }
}
