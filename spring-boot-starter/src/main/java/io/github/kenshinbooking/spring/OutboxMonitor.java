package io.github.kenshinbooking.spring;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.notification.NotificationOutbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads the outbox for the metrics and the health indicator, at most once per {@code kenshin.outbox.status-cache}
 * however often they are scraped: a reading lists the unsent entries ({@link NotificationOutbox#pending()}).
 * Thread-safe.
 */
public final class OutboxMonitor {
    private final NotificationOutbox outbox;
    private final Clock clock;
    private final Duration cache;
    private OutboxStatus last;

    /**
     * A monitor of one outbox.
     *
     * @param outbox the engine's outbox
     * @param clock  the engine's clock
     * @param cache  how long a reading is reused; zero reads every time
     */
    public OutboxMonitor(NotificationOutbox outbox, Clock clock, Duration cache) {
        this.outbox = requireNonNull(outbox, "outbox");
        this.clock = requireNonNull(clock, "clock");
        this.cache = requireNonNull(cache, "cache");
    }

    /**
     * The outbox now, or as read less than the cache's time ago.
     *
     * @return the reading
     */
    public synchronized OutboxStatus status() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.readAt().plus(cache)) || now.isBefore(last.readAt())) {
            last = OutboxStatus.of(now, outbox.pending());
        }
        return last;
    }
}
