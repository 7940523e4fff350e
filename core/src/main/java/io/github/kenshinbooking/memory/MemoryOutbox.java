package io.github.kenshinbooking.memory;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationOutbox;
import io.github.kenshinbooking.notification.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** {@link NotificationOutbox} in a map by id, with an index of the dedupe keys. Internal. */
final class MemoryOutbox implements NotificationOutbox {
    private final MemoryTransactions tx;
    final Map<Long, OutboxEntry> entries = new HashMap<>();
    private final Map<String, Long> byDedupeKey = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();

    MemoryOutbox(MemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean add(Notification n, Instant at) {
        Objects.requireNonNull(n, "notification");
        Objects.requireNonNull(at, "at");
        return tx.write(() -> {
            if (n.dedupeKey().isPresent() && byDedupeKey.containsKey(n.dedupeKey().get())) {
                return false;
            }
            long id = ids.incrementAndGet();
            tx.put(entries, id, new OutboxEntry(id, n, at, 0, at, Optional.empty(), Optional.empty()));
            n.dedupeKey().ifPresent(k -> tx.put(byDedupeKey, k, id));
            return true;
        });
    }

    @Override
    public boolean withdrawUnsent(String dedupeKey) {
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        return tx.write(() -> {
            Long id = byDedupeKey.get(dedupeKey);
            OutboxEntry e = id == null ? null : entries.get(id);
            if (e == null || e.sent()) {
                return false;
            }
            tx.remove(entries, id);
            tx.remove(byDedupeKey, dedupeKey);
            return true;
        });
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, int max, Duration lease) {
        return tx.write(() -> {
            List<OutboxEntry> due = entries.values().stream()
                    .filter(e -> !e.sent() && !e.nextAttemptAt().isAfter(now))
                    .sorted(Comparator.comparing(OutboxEntry::id)).limit(max).toList();
            List<OutboxEntry> claimed = new ArrayList<>(due.size());
            for (OutboxEntry e : due) {
                OutboxEntry c = new OutboxEntry(e.id(), e.notification(), e.createdAt(), e.attempts(),
                        now.plus(lease), e.sentAt(), e.lastError());
                tx.put(entries, e.id(), c);
                claimed.add(c);
            }
            return claimed;
        });
    }

    @Override
    public void markSent(long id, Instant at) {
        tx.write(() -> {
            OutboxEntry e = entries.get(id);
            if (e != null) {
                tx.put(entries, id, new OutboxEntry(id, e.notification().withoutSecrets(), e.createdAt(),
                        e.attempts() + 1, e.nextAttemptAt(), Optional.of(at), e.lastError()));
            }
        });
    }

    @Override
    public void markFailed(long id, Instant retryAt, String error) {
        tx.write(() -> {
            OutboxEntry e = entries.get(id);
            if (e != null && !e.sent()) {
                tx.put(entries, id, new OutboxEntry(id, e.notification(), e.createdAt(), e.attempts() + 1, retryAt,
                        Optional.empty(), Optional.ofNullable(error)));
            }
        });
    }

    @Override
    public boolean retryNow(long id, Instant now) {
        requireNonNull(now, "now");
        return tx.write(() -> {
            OutboxEntry e = entries.get(id);
            if (e == null || e.sent()) {
                return false;
            }
            tx.put(entries, id, new OutboxEntry(id, e.notification(), e.createdAt(), e.attempts(), now,
                    Optional.empty(), e.lastError()));
            return true;
        });
    }

    @Override
    public List<OutboxEntry> pending() {
        return tx.read(() -> entries.values().stream().filter(e -> !e.sent())
                .sorted(Comparator.comparing(OutboxEntry::id)).toList());
    }

    @Override
    public Optional<OutboxEntry> find(long id) {
        return tx.read(() -> Optional.ofNullable(entries.get(id)));
    }
}
