package io.github.kenshinbooking.policy;

/**
 * The ages of eligibility and subsidy, judged by the Japanese age rule (a birthday is attained the
 * day before it). Immutable and thread-safe.
 *
 * @param eligibleFrom  ELIG-2: age to attain within the exam's fiscal year (default 40)
 * @param eligibleUnder ELIG-2: age the member must be under on the exam date (default 75)
 * @param subsidyFrom   SUB-1: age to attain within the fiscal year for the subsidy (default 16)
 */
public record AgePolicy(int eligibleFrom, int eligibleUnder, int subsidyFrom) {
    /**
     * Checks the values.
     *
     * @param eligibleFrom ELIG-2: age to attain within the exam's fiscal year (default 40)
     * @param eligibleUnder ELIG-2: age the member must be under on the exam date (default 75)
     * @param subsidyFrom SUB-1: age to attain within the fiscal year for the subsidy (default 16)
     * @throws IllegalArgumentException if an age is negative or the range empty
     */
    public AgePolicy {
        Checks.nonNegative(eligibleFrom, "ages.eligibleFrom");
        if (eligibleUnder <= eligibleFrom) {
            throw new IllegalArgumentException("ages.eligibleUnder must exceed eligibleFrom: " + eligibleUnder + " <= "
                    + eligibleFrom);
        }
        Checks.nonNegative(subsidyFrom, "ages.subsidyFrom");
    }

    /**
     * The manual's ages: 40 to under 75; subsidy from 16.
     *
     * @return the defaults
     */
    public static AgePolicy defaults() {
        return new AgePolicy(40, 75, 16);
    }
}
