package io.github.kenshinbooking.exchange;

/**
 * What an import wrote (DATA-2, DATA-3); an import with a bad row writes nothing and answers
 * {@code IMPORT_INVALID} instead. For slots every record is added; for members a record is a
 * household, added, changed (its members or their particulars differ) or unchanged (importing the
 * same file again changes nothing and reports every household unchanged). Immutable and thread-safe.
 *
 * @param rows      the data rows read (the header not counted)
 * @param added     records added
 * @param changed   records replaced by different ones
 * @param unchanged records already on file exactly so, left alone
 */
public record ImportReport(long rows, long added, long changed, long unchanged) {
    /**
     * Checks the counts.
     *
     * @param rows the data rows read
     * @param added records added
     * @param changed records replaced
     * @param unchanged records left alone
     * @throws IllegalArgumentException if a count is negative
     */
    public ImportReport {
        if (rows < 0 || added < 0 || changed < 0 || unchanged < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /**
     * Whether the import changed nothing (every record was already on file, or the file had no row).
     *
     * @return {@code true} if nothing was added or changed
     */
    public boolean changedNothing() {
        return added == 0 && changed == 0;
    }
}
