package io.github.kenshinbooking.eligibility;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A Japanese fiscal year (年度), 1 April to 31 March (ELIG-1): FY2024 is 2024-04-01..2025-03-31.
 * Immutable and thread-safe.
 *
 * @param startYear the calendar year in which the fiscal year starts
 */
public record FiscalYear(int startYear) implements Comparable<FiscalYear> {
    /**
     * Checks the start year.
     *
     * @param startYear the calendar year in which the fiscal year starts
     * @throws IllegalArgumentException unless within 1900..9998
     */
    public FiscalYear {
        if (startYear < 1900 || startYear > 9998) {
            throw new IllegalArgumentException("fiscal year out of range: " + startYear);
        }
    }

    /**
     * The fiscal year starting in that calendar year.
     *
     * @param startYear the calendar year of its 1 April, 1900..9998
     * @return the fiscal year
     */
    public static FiscalYear of(int startYear) {
        return new FiscalYear(startYear);
    }

    /**
     * The fiscal year a date belongs to; the exam date decides a reservation's year (ELIG-1).
     *
     * @param date the date
     * @return its fiscal year
     */
    public static FiscalYear containing(LocalDate date) {
        requireNonNull(date, "date");
        return new FiscalYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
    }

    /**
     * 1 April of the start year.
     *
     * @return the first day
     */
    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1);
    }

    /**
     * 31 March of the next year.
     *
     * @return the last day
     */
    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    /**
     * The day after the last day (half-open end), 1 April of the next year.
     *
     * @return the exclusive end
     */
    public LocalDate endExclusive() {
        return LocalDate.of(startYear + 1, 4, 1);
    }

    /**
     * Whether a date belongs to this fiscal year.
     *
     * @param date the date
     * @return {@code firstDay() <= date < endExclusive()}
     */
    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && date.isBefore(endExclusive());
    }

    @Override
    public int compareTo(FiscalYear o) {
        return Integer.compare(startYear, o.startYear);
    }

    @Override
    public String toString() {
        return "FY" + startYear;
    }
}
