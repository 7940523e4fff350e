package io.github.kenshinbooking.eligibility;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.AgeLimit;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.policy.UnionPolicy;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Who may take the checkup on a date (ELIG-2, ELIG-3) and who may claim the subsidy (SUB-1), with
 * the ages of the union's policy. Immutable and thread-safe.
 */
public final class Eligibility {
    private final UnionPolicy policy;

    /**
     * Eligibility under a union's ages (ELIG-2, SUB-1).
     *
     * @param policy the union's policy
     */
    public Eligibility(UnionPolicy policy) {
        this.policy = requireNonNull(policy, "policy");
    }

    /**
     * Whether the member may take the checkup on that date (ELIG-2 and ELIG-3).
     *
     * @param member the member
     * @param examDate the exam date
     * @return {@code true} if both the age and the qualification allow it
     */
    public boolean isEligible(Member member, LocalDate examDate) {
        return ageEligible(member.birthDate(), examDate) && qualifiedOn(member, examDate);
    }

    /**
     * ELIG-2: attains {@code eligibleFromAge} within the exam's fiscal year and is under
     * {@code eligibleUnderAge} on the exam date.
     *
     * @param birthDate the member's birth date
     * @param examDate the exam date
     * @return {@code true} if the age allows the checkup
     */
    public boolean ageEligible(LocalDate birthDate, LocalDate examDate) {
        return ageLimit(birthDate, examDate).isEmpty();
    }

    /**
     * ELIG-2, saying which bound fails: {@link AgeLimit#TOO_YOUNG} if the member does not attain
     * {@code eligibleFrom} within the exam's fiscal year, else {@link AgeLimit#TOO_OLD} if the member
     * is {@code eligibleUnder} or older on the exam date.
     *
     * @param birthDate the member's birth date
     * @param examDate the exam date
     * @return the crossed bound, or empty if the age allows the checkup
     */
    public Optional<AgeLimit> ageLimit(LocalDate birthDate, LocalDate examDate) {
        requireNonNull(birthDate, "birthDate");
        requireNonNull(examDate, "examDate");
        FiscalYear fy = FiscalYear.containing(examDate);
        if (JapaneseAge.attainedWithin(fy, birthDate) < policy.ages().eligibleFrom()) {
            return Optional.of(AgeLimit.TOO_YOUNG);
        }
        if (JapaneseAge.ageOn(birthDate, examDate) >= policy.ages().eligibleUnder()) {
            return Optional.of(AgeLimit.TOO_OLD);
        }
        return Optional.empty();
    }

    /**
     * ELIG-2's range as an {@link AgeRange}: {@code eligibleFrom} attained within the fiscal year, under
     * {@code eligibleUnder} on the exam date; what a course without its own range is judged by (CRS-1).
     *
     * @return the union's range
     */
    public AgeRange ageRange() {
        return AgeRange.of(policy.ages().eligibleFrom(), policy.ages().eligibleUnder());
    }

    /**
     * ELIG-3: {@code qualifiedFrom <= examDate} and (no end or {@code examDate < qualifiedUntil}).
     *
     * @param member the member
     * @param examDate the exam date
     * @return {@code true} if the member is qualified (資格) on that date
     */
    public static boolean qualifiedOn(Member member, LocalDate examDate) {
        return !member.qualifiedFrom().isAfter(examDate)
                && member.qualifiedUntil().map(examDate::isBefore).orElse(true);
    }

    /**
     * SUB-1: attains {@code subsidyFromAge} within the fiscal year.
     *
     * @param birthDate the member's birth date
     * @param fiscalYear the fiscal year of the checkup
     * @return {@code true} if the member may claim the subsidy
     */
    public boolean subsidyEligible(LocalDate birthDate, FiscalYear fiscalYear) {
        return JapaneseAge.attainedWithin(fiscalYear, birthDate) >= policy.ages().subsidyFrom();
    }
}
