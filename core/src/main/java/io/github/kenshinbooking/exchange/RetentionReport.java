package io.github.kenshinbooking.exchange;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.eligibility.FiscalYear;

/**
 * What a retention run (DATA-4) purged, or with a dry run would purge: the records whose personal
 * data is past the policy's period. The records themselves stay, anonymised, so counts per slot,
 * venue and fiscal year remain. Immutable and thread-safe.
 *
 * @param dryRun        whether nothing was written
 * @param lastPurged    the last fiscal year whose data is past the period: data of it and earlier ones is purged
 * @param reservations  reservations anonymised (household, member and phone replaced, staff reason removed,
 *                      idempotency keys dropped)
 * @param accounts      accounts whose e-mail address was removed
 * @param outboxEntries sent notifications whose recipient and body were removed
 * @param waitingEntries waiting-list entries anonymised (household, member and phone replaced)
 * @param auditRecords  audit records whose details were removed (summaries and reason emptied, a household
 *                      actor or target replaced; time, channel, action and staff or job stay)
 */
public record RetentionReport(boolean dryRun, FiscalYear lastPurged, long reservations, long accounts,
        long outboxEntries, long waitingEntries, long auditRecords) {
    /**
     * Checks the components.
     *
     * @param dryRun whether nothing was written
     * @param lastPurged the last fiscal year past the period
     * @param reservations reservations anonymised
     * @param accounts accounts whose e-mail was removed
     * @param outboxEntries sent notifications emptied
     * @param waitingEntries waiting-list entries anonymised
     * @param auditRecords audit records whose details were removed
     * @throws NullPointerException if {@code lastPurged} is {@code null}
     * @throws IllegalArgumentException if a count is negative
     */
    public RetentionReport {
        requireNonNull(lastPurged, "lastPurged");
        if (reservations < 0 || accounts < 0 || outboxEntries < 0 || waitingEntries < 0 || auditRecords < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /**
     * Records purged, or that would be, of every kind.
     *
     * @return the sum of the counts
     */
    public long total() {
        return reservations + accounts + outboxEntries + waitingEntries + auditRecords;
    }
}
