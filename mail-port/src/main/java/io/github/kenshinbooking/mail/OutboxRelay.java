package io.github.kenshinbooking.mail;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.notification.NotificationOutbox;
import io.github.kenshinbooking.notification.OutboxEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what the outbox holds (MAIL-2): claims the entries due now, renders each, sends it and
 * marks it sent; a failed attempt is marked failed and becomes due again after a backoff that
 * doubles up to the policy's maximum, so nothing is ever given up. The outbox only holds
 * notifications whose unit of work committed, so a rolled-back action never sends a mail.
 *
 * <p>Delivery is at least once: a relay that dies after sending and before marking leaves the
 * entry leased; it is due again after the lease and sent again with the same Message-ID, a
 * duplicate receivers can drop, never a loss. Several relays, in one process or many, may run
 * against one outbox: the outbox's claim keeps them from taking the same entry.
 *
 * <p>Works with any {@link NotificationOutbox} adapter. Schedule {@link #drain()} (or
 * {@link #runOnce()}) every few seconds. Thread-safe.
 */
public final class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final NotificationOutbox outbox;
    private final MailRenderer renderer;
    private final MailSender sender;
    private final Clock clock;
    private final RelayPolicy policy;

    /**
     * A relay over one outbox.
     *
     * @param outbox   where the committed notifications wait (MAIL-2)
     * @param renderer turns an entry into a mail
     * @param sender   delivers the mail
     * @param clock    decides what is due and when a failed entry is retried
     * @param policy   batch size, lease and backoff
     */
    public OutboxRelay(NotificationOutbox outbox, MailRenderer renderer, MailSender sender, Clock clock,
            RelayPolicy policy) {
        this.outbox = requireNonNull(outbox, "outbox");
        this.renderer = requireNonNull(renderer, "renderer");
        this.sender = requireNonNull(sender, "sender");
        this.clock = requireNonNull(clock, "clock");
        this.policy = requireNonNull(policy, "policy");
    }

    /**
     * Claims one batch of entries due now, sends each and marks it sent or failed.
     *
     * @return how many were sent
     */
    public int runOnce() {
        return batch().sent;
    }

    /**
     * Runs batches until nothing is due now or an attempt fails (the failed entries stay due
     * later, after their backoff).
     *
     * @return how many were sent in all
     */
    public int drain() {
        int total = 0;
        while (true) {
            Batch b = batch();
            total += b.sent;
            if (b.claimed == 0 || b.failed > 0) {
                return total;
            }
        }
    }

    private Batch batch() {
        Instant now = clock.instant();
        List<OutboxEntry> claimed = outbox.claimDue(now, policy.batchSize(), policy.lease());
        int sent = 0;
        int failed = 0;
        for (OutboxEntry entry : claimed) {
            if (deliver(entry)) {
                sent++;
            } else {
                failed++;
            }
        }
        if (!claimed.isEmpty()) {
            LOG.info("outbox relay: claimed {}, sent {}, failed {}", claimed.size(), sent, failed);
        }
        return new Batch(claimed.size(), sent, failed);
    }

    private boolean deliver(OutboxEntry entry) {
        MailMessage message;
        try {
            message = renderer.render(entry);
            sender.send(message);
        } catch (MailDeliveryException | RuntimeException e) {
            // a sender bug must not stop the relay; the entry is retried like any failed attempt
            int failures = entry.attempts() + 1;
            Instant retryAt = clock.instant().plus(policy.backoff(failures));
            String error = describe(e);
            outbox.markFailed(entry.id(), retryAt, error);
            LOG.warn("outbox entry {} ({}) not delivered, attempt {}; next at {}: {}", entry.id(),
                    entry.notification().kind(), failures, retryAt, error);
            return false;
        }
        // if this throws or the process dies here, the lease runs out and the mail goes again (same Message-ID)
        outbox.markSent(entry.id(), clock.instant());
        LOG.debug("outbox entry {} ({}) sent as {}", entry.id(), entry.notification().kind(), message.messageId());
        return true;
    }

    private static String describe(Exception e) {
        String s = e.getClass().getSimpleName() + ": " + e.getMessage();
        return s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH);
    }

    private record Batch(int claimed, int sent, int failed) {
    }
}
