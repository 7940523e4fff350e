package io.github.kenshinbooking.mail;

import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationOutbox;
import io.github.kenshinbooking.notification.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An outbox that plays a relay process dying right after a mail went out and before it was
 * marked sent: {@code markSent} throws once the given number of marks has been made.
 */
final class FlakyOutbox implements NotificationOutbox {
    static final class Died extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Died() {
            super("relay process died before marking the entry sent");
        }
    }

    private final NotificationOutbox delegate;
    private final AtomicInteger marksLeft;

    FlakyOutbox(NotificationOutbox delegate, int marksBeforeDeath) {
        this.delegate = delegate;
        this.marksLeft = new AtomicInteger(marksBeforeDeath);
    }

    @Override
    public boolean add(Notification notification, Instant at) {
        return delegate.add(notification, at);
    }

    @Override
    public boolean withdrawUnsent(String dedupeKey) {
        return delegate.withdrawUnsent(dedupeKey);
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, int max, Duration lease) {
        return delegate.claimDue(now, max, lease);
    }

    @Override
    public void markSent(long id, Instant at) {
        if (marksLeft.getAndDecrement() <= 0) {
            throw new Died();
        }
        delegate.markSent(id, at);
    }

    @Override
    public void markFailed(long id, Instant retryAt, String error) {
        delegate.markFailed(id, retryAt, error);
    }

    @Override
    public boolean retryNow(long id, Instant now) {
        return delegate.retryNow(id, now);
    }

    @Override
    public List<OutboxEntry> pending() {
        return delegate.pending();
    }

    @Override
    public Optional<OutboxEntry> find(long id) {
        return delegate.find(id);
    }
}
