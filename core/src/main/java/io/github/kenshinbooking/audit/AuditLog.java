package io.github.kenshinbooking.audit;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port: the audit trail (AUDIT-1, AUDIT-2). Append-only: it has no update and no delete, and an
 * adapter changes no record once appended (the JDBC adapter issues no {@code UPDATE} or
 * {@code DELETE} on its table). {@link #append} joins the current unit of work, so a record is
 * committed exactly when the change it describes is. Reads go by period and filters in time order,
 * a page at a time ({@link #read}) or streamed in constant memory ({@link #forEach}).
 * Implementations must be thread-safe.
 *
 * <p>The engine appends a record for each change it commits; other writers of the library's data
 * (an import, a waiting-list job) append theirs through this port in their own unit of work.
 */
public interface AuditLog {
    /** The most entries one {@link #read} returns. */
    int MAX_PAGE = 10_000;
    /** The page size {@link #forEach} reads with. */
    int STREAM_PAGE = 500;

    /**
     * Appends a record; it gets the next sequence number. Joins the current unit of work if there is
     * one, so it rolls back with the change it describes; otherwise it commits on its own.
     *
     * @param record the record
     */
    void append(AuditRecord record);

    /**
     * One page of the records the query accepts, in time order (by {@link AuditRecord#at()}, then by
     * sequence number), starting after an entry of an earlier page.
     *
     * @param query the period and filters
     * @param after the last entry of the previous page, or empty for the first page
     * @param limit the most entries to return, 1 to {@link #MAX_PAGE}
     * @return up to {@code limit} entries; fewer only at the end
     * @throws IllegalArgumentException if {@code limit} is out of range
     */
    List<AuditEntry> read(AuditQuery query, Optional<AuditEntry> after, int limit);

    /**
     * Every record the query accepts, in time order, handed to {@code action} one by one, read a page
     * of {@link #STREAM_PAGE} at a time: an export of any size runs in constant memory.
     *
     * @param query the period and filters
     * @param action what to do with each entry
     */
    default void forEach(AuditQuery query, Consumer<AuditEntry> action) {
        requireNonNull(query, "query");
        requireNonNull(action, "action");
        Optional<AuditEntry> after = Optional.empty();
        while (true) {
            List<AuditEntry> page = read(query, after, STREAM_PAGE);
            page.forEach(action);
            if (page.size() < STREAM_PAGE) {
                return;
            }
            after = Optional.of(page.get(page.size() - 1));
        }
    }
}
