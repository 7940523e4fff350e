package io.github.kenshinbooking.spring;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the union's mail (component {@code kenshinMail}): {@code DOWN} once an unsent mail has been
 * failing for longer than {@code kenshin.outbox.failing-alert-after} (every attempt at it failed, for
 * that long: the SMTP server refuses or is unreachable), else {@code UP}. A backlog that is merely waiting
 * (no attempt failed, e.g. no instance runs the relay) keeps it {@code UP}: watch the
 * {@value OutboxMetrics#OLDEST_AGE} gauge for that. {@code DOWN}, not {@code OUT_OF_SERVICE}: the
 * application still books (mails wait in the outbox and go once the server is back), but a duty of the
 * site is broken and needs an operator. Details: {@code pending}, {@code failing}, {@code oldestPendingAge},
 * {@code failingFor}, {@code failingAlertAfter}. Thread-safe.
 */
public final class KenshinMailHealthIndicator extends AbstractHealthIndicator {
    private final OutboxMonitor monitor;
    private final Duration failingAlertAfter;

    /**
     * An indicator over the outbox.
     *
     * @param monitor           reads the outbox
     * @param failingAlertAfter how long a mail may fail before this is {@code DOWN}
     */
    public KenshinMailHealthIndicator(OutboxMonitor monitor, Duration failingAlertAfter) {
        super("kenshin outbox health check failed");
        this.monitor = requireNonNull(monitor, "monitor");
        this.failingAlertAfter = requireNonNull(failingAlertAfter, "failingAlertAfter");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        OutboxStatus s = monitor.status();
        Duration failingFor = s.failingFor();
        if (s.failing() > 0 && failingFor.compareTo(failingAlertAfter) > 0) {
            builder.down();
        } else {
            builder.up();
        }
        builder.withDetail("pending", s.pending()).withDetail("failing", s.failing())
                .withDetail("oldestPendingAge", s.oldestPendingAge().toString())
                .withDetail("failingFor", failingFor.toString())
                .withDetail("failingAlertAfter", failingAlertAfter.toString());
    }
}
