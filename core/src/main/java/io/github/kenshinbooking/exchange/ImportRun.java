package io.github.kenshinbooking.exchange;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.reservation.StaffId;

/**
 * How a staff member runs an import (取込, DATA-2, DATA-3): who, why (STAFF-4), and whether it is a dry
 * run (試行) that checks every row and counts what the import would do, then writes nothing. Immutable and
 * thread-safe.
 *
 * @param staff  the staff member who imports
 * @param reason why (STAFF-4); checked by the import
 * @param dryRun {@code true} to check and count only
 */
public record ImportRun(StaffId staff, String reason, boolean dryRun) {
    /**
     * Checks the components.
     *
     * @param staff the staff member
     * @param reason why
     * @param dryRun whether to write nothing
     * @throws NullPointerException if {@code staff} or {@code reason} is {@code null}
     */
    public ImportRun {
        requireNonNull(staff, "staff");
        requireNonNull(reason, "reason");
    }

    /**
     * An import that writes, all rows or none, and is audited.
     *
     * @param staff the staff member
     * @param reason why
     * @return the run
     */
    public static ImportRun apply(StaffId staff, String reason) {
        return new ImportRun(staff, reason, false);
    }

    /**
     * A dry run: every row checked and the report counted as the import would, then rolled back.
     *
     * @param staff the staff member
     * @param reason why
     * @return the run
     */
    public static ImportRun dryRun(StaffId staff, String reason) {
        return new ImportRun(staff, reason, true);
    }
}
