package io.github.kenshinbooking.policy;

/**
 * Data exchange with clinics and the union's member records (DATA-2..DATA-4). Immutable and
 * thread-safe.
 *
 * @param retentionFiscalYears DATA-4: personal data is kept until the end of this many fiscal years after the
 *                             exam's (or the mail's, or the last qualification's) fiscal year, then purged (default 5)
 * @param maxReportedErrors    DATA-2, DATA-3: the most bad rows an import reports one by one; the rest are
 *                             counted (default 100)
 * @param batchSize            DATA-3, DATA-4: households written, or records purged, per batch (default 500)
 */
public record DataExchangePolicy(int retentionFiscalYears, int maxReportedErrors, int batchSize) {
    /** The largest batch: an SQL statement holds at most this many values of one list. */
    public static final int MAX_BATCH_SIZE = 1000;

    /**
     * Checks the values.
     *
     * @param retentionFiscalYears DATA-4: fiscal years personal data is kept after its own (default 5)
     * @param maxReportedErrors DATA-2, DATA-3: bad rows reported one by one (default 100)
     * @param batchSize DATA-3, DATA-4: households or records per batch, 1..1000 (default 500)
     * @throws IllegalArgumentException if a value is out of its range
     */
    public DataExchangePolicy {
        Checks.nonNegative(retentionFiscalYears, "exchange.retentionFiscalYears");
        Checks.positive(maxReportedErrors, "exchange.maxReportedErrors");
        Checks.positive(batchSize, "exchange.batchSize");
        if (batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("exchange.batchSize must be at most " + MAX_BATCH_SIZE + ": " + batchSize);
        }
    }

    /**
     * The rules' values: kept until the end of the 5th fiscal year after, 100 errors reported, batches of 500.
     *
     * @return the defaults
     */
    public static DataExchangePolicy defaults() {
        return new DataExchangePolicy(5, 100, 500);
    }
}
