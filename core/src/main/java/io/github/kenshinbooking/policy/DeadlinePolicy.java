package io.github.kenshinbooking.policy;

/**
 * The deadlines of a slot, each counted in days before the exam date and falling at 00:00 of that
 * day in the union's zone. Immutable and thread-safe.
 *
 * @param bookingDays SLOT-2: booking (予約受付) closes this many days before the exam (default 13)
 * @param changeDays  CHG-1: change (予約変更) closes this many days before the current exam (default 13)
 * @param cancelDays  CNL-1: cancel (予約キャンセル) closes this many days before the exam (default 2)
 */
public record DeadlinePolicy(int bookingDays, int changeDays, int cancelDays) {
    /**
     * Checks the values.
     *
     * @param bookingDays SLOT-2: booking (予約受付) closes this many days before the exam (default 13)
     * @param changeDays CHG-1: change (予約変更) closes this many days before the current exam (default 13)
     * @param cancelDays CNL-1: cancel (予約キャンセル) closes this many days before the exam (default 2)
     * @throws IllegalArgumentException if a number of days is negative
     */
    public DeadlinePolicy {
        Checks.nonNegative(bookingDays, "deadlines.bookingDays");
        Checks.nonNegative(changeDays, "deadlines.changeDays");
        Checks.nonNegative(cancelDays, "deadlines.cancelDays");
    }

    /**
     * The manual's deadlines: 13, 13 and 2 days.
     *
     * @return the defaults
     */
    public static DeadlinePolicy defaults() {
        return new DeadlinePolicy(13, 13, 2);
    }
}
