package io.github.kenshinbooking.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code kenshin.outbox.status-cache}: one reading is reused for that long, then the outbox is read again. */
class OutboxMonitorTest {
    @Test
    @DisplayName("within the cache time the same reading; after it, a new one; a cache of zero reads every time")
    void cache() {
        InMemoryStorage storage = new InMemoryStorage();
        TestUnion.MovableClock clock = new TestUnion.MovableClock(TestUnion.january10());
        OutboxMonitor cached = new OutboxMonitor(storage.outbox(), clock, Duration.ofSeconds(10));
        OutboxMonitor uncached = new OutboxMonitor(storage.outbox(), clock, Duration.ZERO);
        assertThat(cached.status().pending()).isZero();
        storage.outbox().add(Notification.of(NotificationKind.BOOKED, "taro@example.jp", Map.of()), clock.instant());
        assertThat(uncached.status().pending()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(9));
        assertThat(cached.status().pending()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(cached.status().pending()).isEqualTo(1);
        assertThat(cached.status().oldestPendingAge()).isEqualTo(Duration.ofSeconds(10));
    }
}
