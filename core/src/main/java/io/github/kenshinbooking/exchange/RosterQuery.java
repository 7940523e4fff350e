package io.github.kenshinbooking.exchange;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.schedule.Venue;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Which live reservations a roster (受診者名簿, DATA-1) lists: those whose exam date lies in
 * {@code [from, to)}, of one venue or of all. Immutable and thread-safe.
 *
 * @param venue the venue, or empty for every venue
 * @param from  the first exam date, inclusive
 * @param to    the end date, exclusive
 */
public record RosterQuery(Optional<Venue> venue, LocalDate from, LocalDate to) {
    /**
     * Checks the components.
     *
     * @param venue the venue, or empty for every venue
     * @param from the first exam date, inclusive
     * @param to the end date, exclusive
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException unless {@code from} is before {@code to}
     */
    public RosterQuery {
        requireNonNull(venue, "venue");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /**
     * The roster of one exam day at one venue (DATA-1).
     *
     * @param venue the venue
     * @param date the exam day
     * @return the query
     */
    public static RosterQuery day(Venue venue, LocalDate date) {
        return new RosterQuery(Optional.of(requireNonNull(venue, "venue")), date, date.plusDays(1));
    }

    /**
     * The roster of a whole fiscal year at every venue (DATA-1).
     *
     * @param fiscalYear the fiscal year of the exam dates
     * @return the query
     */
    public static RosterQuery fiscalYear(FiscalYear fiscalYear) {
        return new RosterQuery(Optional.empty(), fiscalYear.firstDay(), fiscalYear.endExclusive());
    }
}
