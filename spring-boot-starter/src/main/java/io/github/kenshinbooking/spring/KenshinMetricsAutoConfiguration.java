package io.github.kenshinbooking.spring;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.PasswordHasher;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics of the engine when the application has a {@link MeterRegistry}: the counters of
 * {@link MicrometerEngineObserver}, the password hasher timed ({@link TimedPasswordHasher}) and the
 * outbox's gauges ({@link OutboxMetrics}).
 */
@AutoConfiguration(after = KenshinBookingAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, KenshinBooking.class})
public class KenshinMetricsAutoConfiguration {
    /** Created by Spring. */
    public KenshinMetricsAutoConfiguration() {
    }

    /**
     * The engine's outcomes as counters (the engine collects every {@code EngineObserver} bean).
     *
     * @param registry the application's registry
     * @return the observer
     */
    @Bean
    public MicrometerEngineObserver kenshinMetricsObserver(MeterRegistry registry) {
        return new MicrometerEngineObserver(registry);
    }

    /**
     * Times the engine's password hasher (the bean itself stays as it is).
     *
     * @param registry the application's registry
     * @param hasher   the password hasher bean
     * @return the customizer
     */
    @Bean
    public KenshinBookingCustomizer kenshinHashingTimer(MeterRegistry registry, PasswordHasher hasher) {
        return builder -> builder.passwordHasher(new TimedPasswordHasher(hasher, registry));
    }

    /**
     * The outbox's gauges.
     *
     * @param monitor  reads the outbox
     * @param registry the application's registry
     * @return the gauges, registered
     */
    @Bean
    @ConditionalOnBean(OutboxMonitor.class)
    public OutboxMetrics kenshinOutboxMetrics(OutboxMonitor monitor, MeterRegistry registry) {
        return new OutboxMetrics(monitor, registry);
    }
}
