package io.github.kenshinbooking.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code kenshinMail} health indicator ({@link KenshinMailHealthIndicator}); off with
 * {@code management.health.kenshin-mail.enabled=false}.
 */
@AutoConfiguration(after = KenshinBookingAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(OutboxMonitor.class)
@ConditionalOnEnabledHealthIndicator("kenshin-mail")
public class KenshinHealthAutoConfiguration {
    /** Created by Spring. */
    public KenshinHealthAutoConfiguration() {
    }

    /**
     * The indicator.
     *
     * @param monitor    reads the outbox
     * @param properties {@code kenshin.*}
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "kenshinMailHealthIndicator")
    public KenshinMailHealthIndicator kenshinMailHealthIndicator(OutboxMonitor monitor, KenshinProperties properties) {
        return new KenshinMailHealthIndicator(monitor, properties.getOutbox().getFailingAlertAfter());
    }
}
