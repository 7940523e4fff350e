package io.github.kenshinbooking.mail;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.notification.NotificationOutbox;
import io.github.kenshinbooking.notification.OutboxEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Sends what the outbox holds (MAIL-2): claims due entries, renders and sends each, marks it sent,
 * or failed for a later retry. At-least-once; the message id is stable across retries. Thread-safe.
 */
public final class OutboxRelay {
    private final NotificationOutbox outbox;
    private final MailRenderer renderer;
    private final MailSender sender;
    private final Clock clock;
    private final RelayPolicy policy;

    public OutboxRelay(NotificationOutbox outbox, MailRenderer renderer, MailSender sender, Clock clock,
            RelayPolicy policy) {
        this.outbox = requireNonNull(outbox, "outbox");
        this.renderer = requireNonNull(renderer, "renderer");
        this.sender = requireNonNull(sender, "sender");
        this.clock = requireNonNull(clock, "clock");
        this.policy = requireNonNull(policy, "policy");
    }

    /** Sends every entry due now; returns how many were sent. */
    public int drain() {
        int sent = 0;
        while (true) {
            Instant now = clock.instant();
            List<OutboxEntry> batch = outbox.claimDue(now, policy.batchSize(), policy.lease());
            if (batch.isEmpty()) {
                return sent;
            }
            for (OutboxEntry e : batch) {
                try {
                    sender.send(renderer.render(e));
                    outbox.markSent(e.id(), clock.instant());
                    sent++;
                } catch (MailDeliveryException | RuntimeException ex) {
                    outbox.markFailed(e.id(), now.plus(policy.retryDelay()), ex.getClass().getSimpleName());
                }
            }
        }
    }
}
