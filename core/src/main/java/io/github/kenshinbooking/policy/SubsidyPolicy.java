package io.github.kenshinbooking.policy;

/**
 * SUB-2: how much of a checkup's cost the union pays, in yen. Immutable and thread-safe.
 *
 * @param fullUpTo    costs up to this are paid in full (default 13,000)
 * @param ratePercent share of the cost paid above the flat band, 0 to 100 (default 70)
 * @param cap         the most ever paid (default 30,000)
 */
public record SubsidyPolicy(long fullUpTo, int ratePercent, long cap) {
    /**
     * Checks the values.
     *
     * @param fullUpTo costs up to this are paid in full (default 13,000)
     * @param ratePercent share of the cost paid above the flat band, 0 to 100 (default 70)
     * @param cap the most ever paid (default 30,000)
     * @throws IllegalArgumentException unless {@code 0 <= fullUpTo <= cap} and {@code 0 <= ratePercent <= 100}
     */
    public SubsidyPolicy {
        if (fullUpTo < 0 || cap < fullUpTo) {
            throw new IllegalArgumentException("need 0 <= subsidy.fullUpTo <= subsidy.cap: " + fullUpTo + ", " + cap);
        }
        if (ratePercent < 0 || ratePercent > 100) {
            throw new IllegalArgumentException("subsidy.ratePercent must be 0..100: " + ratePercent);
        }
    }

    /**
     * The manual's subsidy: 13,000 in full, 70 % above, at most 30,000.
     *
     * @return the defaults
     */
    public static SubsidyPolicy defaults() {
        return new SubsidyPolicy(13_000, 70, 30_000);
    }
}
