package io.github.kenshinbooking.memory;

import io.github.kenshinbooking.audit.AuditEntry;
import io.github.kenshinbooking.audit.AuditLog;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.audit.AuditRecord;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link AuditLog} in a map by sequence number; an append is undone with the unit of work it joined.
 * Nothing is ever changed or removed otherwise. Internal.
 */
final class MemoryAuditLog implements AuditLog {
    private static final Comparator<AuditEntry> ORDER = Comparator.comparing((AuditEntry e) -> e.record().at())
            .thenComparingLong(AuditEntry::sequence);

    private final MemoryTransactions tx;
    final Map<Long, AuditEntry> entries = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    MemoryAuditLog(MemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void append(AuditRecord record) {
        Objects.requireNonNull(record, "record");
        tx.write(() -> {
            AuditEntry e = new AuditEntry(sequence.incrementAndGet(), record);
            tx.put(entries, e.sequence(), e);
        });
    }

    @Override
    public List<AuditEntry> read(AuditQuery query, Optional<AuditEntry> after, int limit) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE);
        }
        return tx.read(() -> entries.values().stream()
                .filter(e -> query.accepts(e.record()))
                .filter(e -> after.map(e::isAfter).orElse(true))
                .sorted(ORDER)
                .limit(limit)
                .toList());
    }
}
