package io.github.kenshinbooking.spring;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.util.concurrent.TimeUnit;

/**
 * The outbox's gauges, read through an {@link OutboxMonitor}: {@value #PENDING} (unsent mails),
 * {@value #FAILING} (unsent mails that failed at least once), {@value #OLDEST_AGE} (seconds the oldest
 * unsent mail has waited; zero when none) and {@value #FAILING_FOR} (seconds the oldest failing mail has
 * been failing; zero when none). Thread-safe.
 */
public final class OutboxMetrics {
    /** Unsent mails. */
    public static final String PENDING = "kenshin.outbox.pending";
    /** Unsent mails that failed at least once. */
    public static final String FAILING = "kenshin.outbox.failing";
    /** Age of the oldest unsent mail. */
    public static final String OLDEST_AGE = "kenshin.outbox.oldest.age";
    /** How long the oldest failing mail has been failing. */
    public static final String FAILING_FOR = "kenshin.outbox.failing.duration";

    /**
     * Registers the gauges over a monitor (itself, not through Boot's MeterBinder support, so an application
     * with a registry of its own gets them too).
     *
     * @param monitor  reads the outbox
     * @param registry where the gauges are registered
     */
    public OutboxMetrics(OutboxMonitor monitor, MeterRegistry registry) {
        requireNonNull(monitor, "monitor");
        requireNonNull(registry, "registry");
        Gauge.builder(PENDING, monitor, m -> m.status().pending()).description("Unsent mails in the outbox (MAIL-2)")
                .baseUnit("mails").register(registry);
        Gauge.builder(FAILING, monitor, m -> m.status().failing())
                .description("Unsent mails whose every attempt so far failed").baseUnit("mails").register(registry);
        TimeGauge.builder(OLDEST_AGE, monitor, TimeUnit.MILLISECONDS, m -> m.status().oldestPendingAge().toMillis())
                .description("How long the oldest unsent mail has waited").register(registry);
        TimeGauge.builder(FAILING_FOR, monitor, TimeUnit.MILLISECONDS, m -> m.status().failingFor().toMillis())
                .description("How long the oldest failing mail has been failing").register(registry);
    }
}
