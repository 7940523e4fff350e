package io.github.kenshinbooking.audit;

import static java.util.Objects.requireNonNull;

/**
 * An audit record as the log holds it, with the sequence number the log gave it when it was appended.
 * Immutable and thread-safe.
 *
 * @param sequence the log's number of the record: positive, unique, increasing in the order records
 *     were appended to one log
 * @param record   the record
 */
public record AuditEntry(long sequence, AuditRecord record) {
    /**
     * Checks the components.
     *
     * @param sequence the log's number of the record, positive
     * @param record the record
     * @throws NullPointerException if the record is {@code null}
     * @throws IllegalArgumentException if the sequence is not positive
     */
    public AuditEntry {
        requireNonNull(record, "record");
        if (sequence <= 0) {
            throw new IllegalArgumentException("sequence must be positive");
        }
    }

    /**
     * Whether this entry comes after {@code other} in the log's reading order: by time, then by
     * sequence number.
     *
     * @param other another entry
     * @return {@code true} if this one is read after it
     */
    public boolean isAfter(AuditEntry other) {
        int byTime = record.at().compareTo(other.record.at());
        return byTime > 0 || (byTime == 0 && sequence > other.sequence);
    }
}
