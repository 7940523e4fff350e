package io.github.kenshinbooking.eligibility;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.Period;

/**
 * Ages as the rules count them. Japanese law (年齢計算ニ関スル法律) attains an age at the end of the
 * day before the birthday, so "attains N within the fiscal year" is the ordinary calendar age on
 * the day after the fiscal year's last day (ELIG-2, SUB-1). Stateless.
 */
public final class JapaneseAge {
    private JapaneseAge() {
    }

    /**
     * Ordinary calendar age on a date (full years since birth; 0 before the first birthday).
     *
     * @param birthDate the birth date
     * @param on the date to count at
     * @return the age in full years, or -1 for a date before the birth date
     */
    public static int ageOn(LocalDate birthDate, LocalDate on) {
        requireNonNull(birthDate, "birthDate");
        requireNonNull(on, "on");
        if (on.isBefore(birthDate)) {
            return -1;
        }
        return Period.between(birthDate, on).getYears();
    }

    /**
     * The age attained within the fiscal year under Japanese law: the ordinary age on the day after it ends.
     *
     * @param fiscalYear the fiscal year
     * @param birthDate the birth date
     * @return the age attained by 31 March
     */
    public static int attainedWithin(FiscalYear fiscalYear, LocalDate birthDate) {
        return ageOn(birthDate, fiscalYear.endExclusive());
    }
}
