package io.github.kenshinbooking.eligibility;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.AgeLimit;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An age range counted as ELIG-2 counts the checkup's (対象年齢): the member attains {@code from}
 * within the exam's fiscal year (年度内に到達) and is under {@code under} on the exam date. Used by
 * courses (CRS-1) and optional tests (OPT-1). Immutable and thread-safe.
 *
 * @param from  the age to attain within the fiscal year, at least 0
 * @param under the age the member must not have reached on the exam date, above {@code from}
 */
public record AgeRange(int from, int under) {
    /**
     * Checks the bounds.
     *
     * @param from the age to attain within the fiscal year, at least 0
     * @param under the age the member must not have reached on the exam date, above {@code from}
     * @throws IllegalArgumentException unless {@code 0 <= from < under}
     */
    public AgeRange {
        if (from < 0 || under <= from) {
            throw new IllegalArgumentException("need 0 <= from < under: " + from + ", " + under);
        }
    }

    /**
     * The range from {@code from} (attained within the fiscal year) to under {@code under} (on the exam date).
     *
     * @param from the age to attain within the fiscal year
     * @param under the age not yet reached on the exam date
     * @return the range
     */
    public static AgeRange of(int from, int under) {
        return new AgeRange(from, under);
    }

    /**
     * Which bound a member born on {@code birthDate} crosses for an exam on {@code examDate}: too young
     * first, as ELIG-2.
     *
     * @param birthDate the birth date
     * @param examDate the exam date
     * @return the crossed bound, or empty inside the range
     */
    public Optional<AgeLimit> limit(LocalDate birthDate, LocalDate examDate) {
        requireNonNull(birthDate, "birthDate");
        requireNonNull(examDate, "examDate");
        if (JapaneseAge.attainedWithin(FiscalYear.containing(examDate), birthDate) < from) {
            return Optional.of(AgeLimit.TOO_YOUNG);
        }
        if (JapaneseAge.ageOn(birthDate, examDate) >= under) {
            return Optional.of(AgeLimit.TOO_OLD);
        }
        return Optional.empty();
    }
}
