package io.github.kenshinbooking.reservation;

/**
 * What one run of the waiting-list job did (WAIT-2, WAIT-3). Immutable and thread-safe.
 *
 * @param expired  entries expired: holds that ended, and entries that can no longer be offered their slot
 * @param offered  places offered (and held) to waiting entries
 * @param released held places nobody could be offered, given back to their slots
 */
public record WaitingListRun(int expired, int offered, int released) {
    /**
     * Checks the counts.
     *
     * @param expired entries expired
     * @param offered places offered
     * @param released places given back
     * @throws IllegalArgumentException if a count is negative
     */
    public WaitingListRun {
        if (expired < 0 || offered < 0 || released < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /**
     * The sums of both runs' counts.
     *
     * @param other another run's counts
     * @return the sums
     */
    public WaitingListRun plus(WaitingListRun other) {
        return new WaitingListRun(expired + other.expired, offered + other.offered, released + other.released);
    }
}
